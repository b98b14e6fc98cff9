package org.ztpbox.tftp.transfer;

import java.util.Locale;

/** How a transfer ended. */
public enum TransferResult {
    /** Every block acknowledged (read) or the upload committed (write). */
    COMPLETED,
    /** Every block sent, but the ACK of the last one never came: the client most likely has the file. */
    UNCONFIRMED,
    /** The client sent an ERROR (it refused our OACK, or gave up). */
    CLIENT_ABORTED,
    /** No answer after every retransmission. */
    TIMED_OUT,
    /** Our side failed (read error, upload over the cap, storage error) or the client broke the protocol. */
    FAILED;

    /** As events and logs spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
