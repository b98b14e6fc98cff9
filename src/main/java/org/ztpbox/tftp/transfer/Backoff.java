package org.ztpbox.tftp.transfer;

/**
 * Retransmission delays with exponential backoff (RFC 1123 §4.2.3.2): each retransmission of the
 * same packet waits twice as long as the one before, up to a cap. Backing off keeps a boot storm
 * on a congested LAN from feeding itself, and gives a windowed client that ignores repeated
 * blocks (atftp does) the silence its own timer needs to repeat a lost ACK.
 */
final class Backoff {

    /** The longest wait, unless the base timeout itself is longer. */
    static final long CAP_NANOS = 5_000_000_000L;

    private Backoff() {
    }

    /** The wait before retransmission number {@code retries + 1}; {@code retries} 0 is the first send. */
    static long delay(long timeoutNanos, int retries) {
        long cap = Math.max(timeoutNanos, CAP_NANOS);
        long delay = timeoutNanos;
        for (int i = 0; i < retries && delay < cap; i++) {
            delay *= 2;
        }
        return Math.min(delay, cap);
    }
}
