package org.ztpbox.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ztpbox.core.ClientDirectory;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;

/**
 * The kernel's IPv4 neighbour (ARP) table, {@code /proc/net/arp} on Linux: a client that sent us
 * a packet from the LAN was resolved there moments before. Read again at most once per
 * {@code maxAgeNanos}, so a boot storm does not read it per request.
 */
public final class NeighbourTable implements ClientDirectory {

    /** ATF_COM: the entry is complete (the MAC column of an incomplete one is all zeros). */
    private static final int COMPLETE = 0x2;

    private final Path source;
    private final long maxAgeNanos;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Long.MIN_VALUE / 2);

    public NeighbourTable(Path source, long maxAgeNanos) {
        this.source = source;
        this.maxAgeNanos = maxAgeNanos;
    }

    /** The running system's table, refreshed at most once a second. */
    public static NeighbourTable system() {
        return new NeighbourTable(Path.of("/proc/net/arp"), 1_000_000_000L);
    }

    @Override
    public Optional<MacAddress> macOf(Ipv4Address address) {
        Snapshot current = snapshot;
        MacAddress mac = current.entries.get(address);
        long now = System.nanoTime();
        if (mac == null && now - current.readAtNanos > maxAgeNanos) {
            current = new Snapshot(read(), now);
            snapshot = current;
            mac = current.entries.get(address);
        }
        return Optional.ofNullable(mac);
    }

    private Map<Ipv4Address, MacAddress> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return Map.of(); // not Linux, or /proc hidden: the table is simply unknown
        }
        return parse(lines);
    }

    /** Parses the table's text: a header line, then "IP type flags MAC mask device" columns. */
    static Map<Ipv4Address, MacAddress> parse(List<String> lines) {
        Map<Ipv4Address, MacAddress> entries = new HashMap<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length < 4) {
                continue;
            }
            try {
                int flags = Integer.decode(columns[2]);
                if ((flags & COMPLETE) != 0) {
                    entries.put(Ipv4Address.parse(columns[0]), MacAddress.parse(columns[3]));
                }
            } catch (IllegalArgumentException e) {
                // a line this parser does not understand names no client; skip it
            }
        }
        return entries;
    }

    private record Snapshot(Map<Ipv4Address, MacAddress> entries, long readAtNanos) {
    }
}
