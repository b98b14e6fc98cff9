package org.ztpbox.tftp;

/** Transfer modes of RFC 1350 §1; "mail" is obsolete and refused. */
public enum TftpMode {
    /** Bytes as they are. */
    OCTET,
    /** Text with CR LF line ends and CR NUL for a bare CR (RFC 1350 Appendix, RFC 764). */
    NETASCII;

    public String wireName() {
        return this == OCTET ? "octet" : "netascii";
    }
}
