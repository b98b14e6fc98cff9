package org.ztpbox.tftp;

/**
 * An ERROR code, RFC 1350 Appendix and RFC 2347 (8). An open set: a code we do not know is kept
 * as its number, never rejected.
 */
public record TftpErrorCode(int code) {

    public static final TftpErrorCode NOT_DEFINED = new TftpErrorCode(0);
    public static final TftpErrorCode FILE_NOT_FOUND = new TftpErrorCode(1);
    public static final TftpErrorCode ACCESS_VIOLATION = new TftpErrorCode(2);
    public static final TftpErrorCode DISK_FULL = new TftpErrorCode(3);
    public static final TftpErrorCode ILLEGAL_OPERATION = new TftpErrorCode(4);
    public static final TftpErrorCode UNKNOWN_TRANSFER_ID = new TftpErrorCode(5);
    public static final TftpErrorCode FILE_EXISTS = new TftpErrorCode(6);
    public static final TftpErrorCode NO_SUCH_USER = new TftpErrorCode(7);
    /** RFC 2347 §4: the server refuses an option (or the client refuses the OACK). */
    public static final TftpErrorCode OPTION_REFUSED = new TftpErrorCode(8);

    private static final String[] NAMES = {"not defined", "file not found", "access violation",
        "disk full or allocation exceeded", "illegal operation", "unknown transfer ID", "file already exists",
        "no such user", "option refused"};

    public TftpErrorCode {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("error code out of range: " + code);
        }
    }

    public static TftpErrorCode valueOf(int code) {
        return new TftpErrorCode(code);
    }

    @Override
    public String toString() {
        return code < NAMES.length ? code + " (" + NAMES[code] + ")" : Integer.toString(code);
    }
}
