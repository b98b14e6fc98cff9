package org.ztpbox.tftp.transfer;

import java.io.IOException;
import org.ztpbox.tftp.TftpPacket;

/**
 * One transfer's state machine, free of any I/O framework: the server feeds it packets from the
 * client's transfer ID and timer expiries, and carries out the {@link Step}s it returns. Time is
 * passed in (nanoseconds from any fixed origin), so tests script it. Not thread-safe: one event
 * loop drives it.
 */
public interface Transfer {

    /** The first packet: an OACK (RFC 2347), the first DATA (RRQ) or ACK 0 (WRQ). */
    Step start(long nowNanos);

    /** A packet from the client's transfer ID. */
    Step onPacket(TftpPacket packet, long nowNanos);

    /** The timer fired; does nothing before {@link #deadlineNanos()}. */
    Step onTimeout(long nowNanos);

    /** When {@link #onTimeout} next has something to do; {@link Long#MAX_VALUE} for never. */
    long deadlineNanos();

    /** After a {@link Step#commit()} ran: {@code failure} is null when the upload was stored. */
    Step onCommitted(IOException failure, long nowNanos);

    /** Releases the file or aborts the unfinished upload. Idempotent. */
    void close();
}
