package org.ztpbox.tftp;

import java.util.Arrays;

/**
 * A DATA packet, RFC 1350 §5: block number as on the wire (16 bits, wrapping past 65535) and
 * up to blksize bytes. The array is owned by this value once constructed; nobody writes to it.
 */
public record TftpData(int block, byte[] data) implements TftpPacket {

    public TftpData {
        if (block < 0 || block > 0xFFFF) {
            throw new IllegalArgumentException("block number out of range: " + block);
        }
    }

    @Override
    public int opcode() {
        return DATA;
    }

    public int length() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TftpData other && other.block == block && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * block + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "TftpData[block=" + block + ", length=" + data.length + "]";
    }
}
