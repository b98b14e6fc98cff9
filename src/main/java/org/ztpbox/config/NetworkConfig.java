package org.ztpbox.config;

import org.ztpbox.core.Ipv4Address;

/**
 * The LAN side of the appliance.
 *
 * @param interfaceName the interface served; null means "pick the first suitable one at start"
 * @param address       the appliance's own address; null means "the interface's first IPv4"
 */
public record NetworkConfig(String interfaceName, Ipv4Address address) {
}
