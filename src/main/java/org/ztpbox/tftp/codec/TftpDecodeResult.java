package org.ztpbox.tftp.codec;

import org.ztpbox.tftp.TftpPacket;

/** The outcome of decoding one datagram: a packet, or the reason it was not one. */
public sealed interface TftpDecodeResult {

    record Decoded(TftpPacket packet) implements TftpDecodeResult {
    }

    /**
     * @param opcode the opcode read from the first two bytes, or -1 when there were fewer; lets the
     *               server answer a broken request with an ERROR (STYLE §5.3)
     */
    record Malformed(int opcode, String reason) implements TftpDecodeResult {
    }
}
