package org.ztpbox.tftp;

/** An ACK, RFC 1350 §5: the block number as on the wire (16 bits). Block 0 acknowledges a WRQ or an OACK. */
public record TftpAck(int block) implements TftpPacket {

    public TftpAck {
        if (block < 0 || block > 0xFFFF) {
            throw new IllegalArgumentException("block number out of range: " + block);
        }
    }

    @Override
    public int opcode() {
        return ACK;
    }
}
