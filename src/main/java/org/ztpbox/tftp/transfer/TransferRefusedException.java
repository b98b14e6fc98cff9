package org.ztpbox.tftp.transfer;

import org.ztpbox.tftp.TftpError;

/** A request broke a rule; carries the ERROR that tells the client why (STYLE §5.3). */
public final class TransferRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient TftpError error;

    public TransferRefusedException(TftpError error) {
        super(error.code() + ": " + error.message());
        this.error = error;
    }

    public TftpError error() {
        return error;
    }
}
