package org.ztpbox.tftp;

import java.util.Arrays;

/**
 * A DATA packet, RFC 1350 §5: block number as on the wire (16 bits, wrapping past 65535) and
 * up to blksize bytes. The bytes are {@code length} bytes of {@code buffer} from {@code offset}:
 * a sending transfer points into its read-ahead buffer instead of copying every block. Nobody
 * writes to the buffer once a packet refers to it.
 */
public record TftpData(int block, byte[] buffer, int offset, int length) implements TftpPacket {

    public TftpData {
        if (block < 0 || block > 0xFFFF) {
            throw new IllegalArgumentException("block number out of range: " + block);
        }
        if (offset < 0 || length < 0 || offset + length > buffer.length) {
            throw new IllegalArgumentException("slice " + offset + "+" + length + " outside " + buffer.length);
        }
    }

    /** A packet owning the whole array. */
    public TftpData(int block, byte[] data) {
        this(block, data, 0, data.length);
    }

    @Override
    public int opcode() {
        return DATA;
    }

    /** The payload as an array of its own length (the buffer itself when the packet spans all of it). */
    public byte[] data() {
        return offset == 0 && length == buffer.length ? buffer : Arrays.copyOfRange(buffer, offset, offset + length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TftpData other && other.block == block
                && Arrays.equals(other.buffer, other.offset, other.offset + other.length, buffer, offset, offset + length);
    }

    @Override
    public int hashCode() {
        int h = 31 * block;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + buffer[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "TftpData[block=" + block + ", length=" + length + "]";
    }
}
