package org.ztpbox.tftp.transfer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpRequest;

/**
 * Option negotiation, RFC 2347, for blksize (RFC 2348), tsize and timeout (RFC 2349) and
 * windowsize (RFC 7440). Unknown options are ignored (RFC 2347 §3); a known option with a value
 * outside its RFC range is refused with ERROR 8, so the client learns why rather than getting
 * defaults it did not ask for. Sizes above our limits are granted at the limit, as the RFCs allow.
 */
public final class OptionNegotiation {

    static final int MIN_BLKSIZE = 8;
    static final int MAX_BLKSIZE = 65464;
    private static final int MAX_WINDOWSIZE = 65535;
    private static final int MAX_TIMEOUT_SECONDS = 255;

    private final TransferLimits limits;

    public OptionNegotiation(TransferLimits limits) {
        this.limits = limits;
    }

    /**
     * @param size for a read, the bytes that will be sent, or -1 when not known in advance
     *             (netascii), in which case tsize is not acknowledged
     * @throws TransferRefusedException with ERROR 8 for a bad value, ERROR 3 for an upload over the cap
     */
    public NegotiatedOptions negotiate(TftpRequest request, long size) {
        Map<String, String> asked = request.options();
        Map<String, String> ack = new LinkedHashMap<>();
        int blksize = NegotiatedOptions.DEFAULT_BLKSIZE;
        int windowsize = 1;
        Duration timeout = limits.timeout();
        if (asked.containsKey("blksize")) {
            blksize = (int) Math.min(number(asked, "blksize", MIN_BLKSIZE, MAX_BLKSIZE), limits.maxBlksize());
            ack.put("blksize", Integer.toString(blksize));
        }
        if (asked.containsKey("tsize") && request.write()) {
            long tsize = number(asked, "tsize", 0, Long.MAX_VALUE);
            if (tsize > limits.maxUpload()) {
                throw new TransferRefusedException(TftpError.of(TftpErrorCode.DISK_FULL, "upload of " + tsize
                        + " bytes exceeds the limit of " + limits.maxUpload() + " bytes"));
            }
            ack.put("tsize", Long.toString(tsize));
        } else if (asked.containsKey("tsize") && size >= 0) {
            // RFC 2349 §2: a read asks with 0, but the value means nothing; atftp sends "enable".
            ack.put("tsize", Long.toString(size));
        }
        if (asked.containsKey("timeout")) {
            long seconds = number(asked, "timeout", 1, MAX_TIMEOUT_SECONDS);
            timeout = Duration.ofSeconds(seconds);
            ack.put("timeout", Long.toString(seconds));
        }
        if (asked.containsKey("windowsize")) {
            windowsize = (int) Math.min(number(asked, "windowsize", 1, MAX_WINDOWSIZE), limits.maxWindowsize());
            ack.put("windowsize", Integer.toString(windowsize));
        }
        return new NegotiatedOptions(blksize, windowsize, timeout, ack);
    }

    private static long number(Map<String, String> options, String name, long min, long max) {
        String text = options.get(name);
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw refused(name, text, min, max);
        }
        if (value < min || value > max) {
            throw refused(name, text, min, max);
        }
        return value;
    }

    private static TransferRefusedException refused(String name, String text, long min, long max) {
        return new TransferRefusedException(TftpError.of(TftpErrorCode.OPTION_REFUSED, "option " + name + " must be "
                + (max == Long.MAX_VALUE ? "a number >= " + min : min + "-" + max) + ", got '" + text + "'"));
    }
}
