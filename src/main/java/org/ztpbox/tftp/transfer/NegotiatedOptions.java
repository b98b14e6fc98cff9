package org.ztpbox.tftp.transfer;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options in force for one transfer (RFC 2347 §3).
 *
 * @param acknowledged what goes into the OACK, in order; empty when the client asked for nothing we
 *                     accept, and then the transfer is plain RFC 1350 (no OACK)
 */
public record NegotiatedOptions(int blksize, int windowsize, Duration timeout, Map<String, String> acknowledged) {

    /** RFC 1350 without options: 512-byte blocks, lock-step. */
    public static final int DEFAULT_BLKSIZE = 512;

    public NegotiatedOptions {
        acknowledged = Collections.unmodifiableMap(new LinkedHashMap<>(acknowledged));
    }

    public static NegotiatedOptions plain(Duration timeout) {
        return new NegotiatedOptions(DEFAULT_BLKSIZE, 1, timeout, Map.of());
    }

    public boolean sendsOptionAck() {
        return !acknowledged.isEmpty();
    }
}
