package org.ztpbox.tftp.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * Octet mode: the content as it is, read by position. A file is read with positional reads
 * (pread), which take microseconds from the page cache; that is why blocks are read on the event
 * loop, as tftpd-hpa does, instead of paying a thread hand-off per block.
 */
final class ChannelBlockSource implements BlockSource {

    private final SeekableByteChannel channel;
    private final long size;

    ChannelBlockSource(SeekableByteChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        int n = (int) Math.max(0, Math.min(length, size - offset));
        ByteBuffer buffer = ByteBuffer.allocate(n);
        if (!(channel instanceof FileChannel)) {
            channel.position(offset);
        }
        while (buffer.hasRemaining()) {
            int read = channel instanceof FileChannel file ? file.read(buffer, offset + buffer.position())
                    : channel.read(buffer);
            if (read < 0) {
                throw new IOException("content shrank during the transfer: ended before " + size + " bytes");
            }
        }
        return buffer.array();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
