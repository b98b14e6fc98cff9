package org.ztpbox.tftp.transfer;

import java.util.List;
import org.ztpbox.core.UploadArea;
import org.ztpbox.tftp.TftpPacket;

/**
 * What a transfer wants done after an event: packets to send, and possibly either an upload to
 * commit (blocking: the caller runs it off the event loop, then calls
 * {@link Transfer#onCommitted}) or the end of the transfer. DATA packets point into the
 * transfer's read buffer rather than own a copy: they are valid until the transfer is called
 * again, so the caller encodes them first (the server writes them at once, and its encoder copies).
 *
 * @param commit  non-null when the last block of an upload arrived and must be stored before the final ACK
 * @param outcome non-null when the transfer is over; the caller then closes it
 */
public record Step(List<TftpPacket> send, UploadArea.Upload commit, TransferOutcome outcome) {

    static final Step NOTHING = new Step(List.of(), null, null);

    /** Takes {@code packets} as it is: the transfer built it for this step and keeps no reference. */
    static Step send(List<TftpPacket> packets) {
        return new Step(packets, null, null);
    }

    static Step send(TftpPacket packet) {
        return new Step(List.of(packet), null, null);
    }

    static Step commit(UploadArea.Upload upload) {
        return new Step(List.of(), upload, null);
    }

    static Step end(TransferOutcome outcome, TftpPacket... last) {
        return new Step(List.of(last), null, outcome);
    }

    public boolean finished() {
        return outcome != null;
    }
}
