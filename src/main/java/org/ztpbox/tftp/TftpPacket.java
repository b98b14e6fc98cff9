package org.ztpbox.tftp;

/**
 * One TFTP message, as our own immutable value (RFC 1350 §5, RFC 2347 OACK). The codec turns
 * datagrams into these and back; nothing outside {@code tftp.codec} sees a library packet.
 */
public sealed interface TftpPacket permits TftpRequest, TftpData, TftpAck, TftpError, TftpOptionAck {

    /** Opcodes of RFC 1350 §5 and RFC 2347 (OACK). */
    int RRQ = 1;
    int WRQ = 2;
    int DATA = 3;
    int ACK = 4;
    int ERROR = 5;
    int OACK = 6;

    int opcode();
}
