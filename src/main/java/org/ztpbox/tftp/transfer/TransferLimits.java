package org.ztpbox.tftp.transfer;

import java.time.Duration;

/**
 * What a transfer may be granted and how long it may take (STYLE §5.4: hard limits are arguments).
 *
 * @param maxBlksize    the largest block size granted, RFC 2348 (8-65464)
 * @param maxWindowsize the largest window granted, RFC 7440 (1-1024 here, so 16-bit ACKs stay unambiguous)
 * @param timeout       the retransmission timeout unless the client negotiates one (RFC 2349)
 * @param retries       retransmissions of one packet before the transfer is abandoned
 * @param writes        whether WRQ is accepted at all
 * @param maxUpload     the size cap of one upload in bytes
 */
public record TransferLimits(int maxBlksize, int maxWindowsize, Duration timeout, int retries, boolean writes,
                             long maxUpload) {

    public TransferLimits {
        if (maxBlksize < OptionNegotiation.MIN_BLKSIZE || maxBlksize > OptionNegotiation.MAX_BLKSIZE) {
            throw new IllegalArgumentException("maxBlksize must be 8-65464: " + maxBlksize);
        }
        if (maxWindowsize < 1 || maxWindowsize > 1024) {
            throw new IllegalArgumentException("maxWindowsize must be 1-1024: " + maxWindowsize);
        }
        if (timeout.isNegative() || timeout.isZero() || retries < 1 || maxUpload < 1) {
            throw new IllegalArgumentException("timeout, retries and maxUpload must be positive");
        }
    }
}
