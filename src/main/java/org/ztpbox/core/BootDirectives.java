package org.ztpbox.core;

/**
 * Where phones must go to be provisioned, as DHCP hands it out.
 *
 * @param provisioningUrl the value of option 160 (Polycom's provisioning URL)
 * @param bootServerName  the value of option 66 (TFTP server name, read by phones as their boot server)
 */
public record BootDirectives(String provisioningUrl, String bootServerName) {
}
