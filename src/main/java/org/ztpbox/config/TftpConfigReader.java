package org.ztpbox.config;

import java.time.Duration;
import java.util.Set;

/** Reads the {@code tftp} section; every key is optional, see {@link TftpConfig#defaults(int)}. */
final class TftpConfigReader {

    private static final Set<String> KEYS = Set.of("enabled", "port", "max-transfers", "max-transfers-per-client",
            "queue-wait", "timeout", "retries", "max-blksize", "max-windowsize", "writes", "max-upload");

    private TftpConfigReader() {
    }

    static TftpConfig read(YamlSection s) {
        TftpConfig d = TftpConfig.defaults(69);
        boolean enabled = s.bool("enabled").orElse(d.enabled());
        int port = s.integer("port", 1, 65535).orElse(d.port());
        int maxTransfers = s.integer("max-transfers", 1, 10_000).orElse(d.maxTransfers());
        int perClient = s.integer("max-transfers-per-client", 1, 10_000).orElse(d.maxTransfersPerClient());
        Duration queueWait = s.value("queue-wait", t -> between(t, Duration.ZERO, Duration.ofMinutes(1)))
                .orElse(d.queueWait());
        // RFC 2349 allows 1-255 s on the wire; the server's own timer may be shorter on a quiet LAN.
        Duration timeout = s.value("timeout", t -> between(t, Duration.ofMillis(10), Duration.ofSeconds(255)))
                .orElse(d.timeout());
        int retries = s.integer("retries", 1, 100).orElse(d.retries());
        // RFC 2348: 8 to 65464 octets.
        int maxBlksize = s.integer("max-blksize", 8, 65464).orElse(d.maxBlksize());
        // Bounded well below 32768 so that a 16-bit ACK number always names one block of the window.
        int maxWindowsize = s.integer("max-windowsize", 1, 1024).orElse(d.maxWindowsize());
        boolean writes = s.bool("writes").orElse(d.writes());
        long maxUpload = s.value("max-upload", ByteSizes::parse).orElse(d.maxUpload());
        s.finish(KEYS);
        return new TftpConfig(enabled, port, maxTransfers, perClient, queueWait, timeout, retries, maxBlksize,
                maxWindowsize, writes, maxUpload);
    }

    private static Duration between(String text, Duration min, Duration max) {
        Duration value = Durations.parse(text);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("must be between " + Durations.format(min) + " and "
                    + Durations.format(max) + ", found " + text.trim());
        }
        return value;
    }
}
