package org.ztpbox.config;

import java.time.Duration;

/**
 * TFTP listener settings: section {@code tftp} of {@code ztpbox.yaml}, documented in {@code conf/ztpbox.yaml}.
 *
 * @param enabled               false: no TFTP listener at all
 * @param port                  the request port (RFC 1350: 69); each transfer gets its own ephemeral port
 * @param maxTransfers          transfers running at once; requests beyond it wait for a slot
 * @param maxTransfersPerClient transfers running at once for one client address (fairness in a boot storm)
 * @param queueWait             how long a request waits for a slot before it is refused with "server busy"
 * @param timeout               retransmission timeout when the client asks for none (RFC 2349 {@code timeout})
 * @param retries               retransmissions of one packet before the transfer is abandoned
 * @param maxBlksize            the largest block size granted (RFC 2348); 1468 fills one Ethernet frame
 * @param maxWindowsize         the largest window granted (RFC 7440)
 * @param writes                accept uploads (WRQ) of the phones' own files; off by default
 * @param maxUpload             the size cap of one upload, in bytes
 */
public record TftpConfig(boolean enabled, int port, int maxTransfers, int maxTransfersPerClient, Duration queueWait,
                         Duration timeout, int retries, int maxBlksize, int maxWindowsize, boolean writes,
                         long maxUpload) {

    /** The defaults of every key but the port. */
    public static TftpConfig defaults(int port) {
        return new TftpConfig(true, port, 256, 4, Duration.ofSeconds(2), Duration.ofSeconds(1), 5, 1468, 64, false,
                8L << 20);
    }
}
