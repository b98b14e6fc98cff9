package org.ztpbox.dhcp.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;

/**
 * The kernel's IPv4 neighbour (ARP) table, {@code /proc/net/arp}, read without sending anything.
 *
 * <p>A UDP socket does not see the Ethernet header, so the probe learns a server's MAC only when
 * the kernel happens to know it: a server that unicasts its answer to an INFORM resolves this box
 * first, and Linux records the asker of an ARP request. A server that only broadcasts stays
 * "MAC unknown"; the probe never ARPs on its own (it sends nothing but DHCP broadcasts).
 */
final class NeighbourTable {

    private static final Path PROC_ARP = Path.of("/proc/net/arp");
    private static final int FLAG_COMPLETE = 0x2;

    private NeighbourTable() {
    }

    /** Complete entries on {@code interfaceName}; empty when the table cannot be read. */
    static Map<Ipv4Address, MacAddress> read(String interfaceName) {
        try {
            return parse(Files.readString(PROC_ARP), interfaceName);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /**
     * Parses the table's text: a header line, then
     * {@code IP  HW-type  Flags  HW-address  Mask  Device} per entry.
     */
    static Map<Ipv4Address, MacAddress> parse(String text, String interfaceName) {
        Map<Ipv4Address, MacAddress> out = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || !f[5].equals(interfaceName)) {
                continue;
            }
            try {
                int flags = Integer.decode(f[2]);
                MacAddress mac = MacAddress.parse(f[3]);
                if ((flags & FLAG_COMPLETE) != 0 && mac.value() != 0) {
                    out.put(Ipv4Address.parse(f[0]), mac);
                }
            } catch (IllegalArgumentException e) {
                // The header line, or an entry in a form this parser does not know: skip it.
            }
        }
        return out;
    }
}
