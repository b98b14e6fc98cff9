package org.ztpbox.config;

import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;

/** A fixed address for one MAC; {@code hostname} may be null. */
public record Reservation(MacAddress mac, Ipv4Address address, String hostname) {
}
