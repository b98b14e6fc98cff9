package org.ztpbox.tftp;

import java.nio.ByteBuffer;

/**
 * A DATA packet, RFC 1350 §5: block number as on the wire (16 bits, wrapping past 65535) and
 * up to blksize bytes. The bytes are those of {@code payload} between its position and limit, on
 * the heap or off it: a sending transfer points into its read-ahead buffer instead of copying every
 * block, and the server sends them from there. Nobody writes to a payload while a packet refers to
 * it, and nobody moves its position: readers take a {@link ByteBuffer#duplicate()}.
 */
public record TftpData(int block, ByteBuffer payload) implements TftpPacket {

    public TftpData {
        if (block < 0 || block > 0xFFFF) {
            throw new IllegalArgumentException("block number out of range: " + block);
        }
    }

    /** A packet owning the whole array. */
    public TftpData(int block, byte[] data) {
        this(block, ByteBuffer.wrap(data));
    }

    @Override
    public int opcode() {
        return DATA;
    }

    public int length() {
        return payload.remaining();
    }

    /** The payload as an array of its own length (the array itself when a heap payload spans all of it). */
    public byte[] data() {
        if (payload.hasArray() && payload.arrayOffset() == 0 && payload.position() == 0
                && payload.limit() == payload.array().length) {
            return payload.array();
        }
        byte[] copy = new byte[payload.remaining()];
        payload.duplicate().get(copy);
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TftpData other && other.block == block && other.payload.equals(payload);
    }

    @Override
    public int hashCode() {
        return 31 * block + payload.hashCode();
    }

    @Override
    public String toString() {
        return "TftpData[block=" + block + ", length=" + length() + "]";
    }
}
