package org.ztpbox.lab;

/**
 * One client machine of the lab: its own namespace with one interface plugged into the lab's
 * bridge. {@code address} is null for a client that gets its address by DHCP.
 */
public record LabClient(String namespace, String iface, String mac, String address) {
}
