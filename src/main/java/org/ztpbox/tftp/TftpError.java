package org.ztpbox.tftp;

/** An ERROR packet, RFC 1350 §5; it ends the transfer it belongs to and is never acknowledged. */
public record TftpError(TftpErrorCode code, String message) implements TftpPacket {

    @Override
    public int opcode() {
        return ERROR;
    }

    public static TftpError of(TftpErrorCode code, String message) {
        return new TftpError(code, message);
    }
}
