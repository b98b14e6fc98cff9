package org.ztpbox.tftp.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * Octet mode: the content as it is. Reads ahead in chunks of 64 KiB, so a 512-byte transfer costs
 * one read per 128 blocks instead of one per block, and a window sent again after a loss usually
 * comes from memory. Blocks are handed out as views of the chunk, not copies; each refill takes a
 * fresh chunk, so a view stays valid as long as its packet needs it. A file is read by position
 * (pread), which takes microseconds from the page cache; that is why blocks are read on the event
 * loop, as tftpd-hpa does, rather than paying a thread hand-off per block.
 */
final class ChannelBlockSource implements BlockSource {

    private static final int CHUNK = 64 * 1024;

    private final SeekableByteChannel channel;
    private final long size;
    private ByteBuffer chunk = ByteBuffer.allocate(0);
    private long chunkStart = -1;

    ChannelBlockSource(SeekableByteChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    @Override
    public ByteBuffer read(long offset, int length) throws IOException {
        int n = (int) Math.max(0, Math.min(length, size - offset));
        if (chunkStart < 0 || offset < chunkStart || offset + n > chunkStart + chunk.limit()) {
            fill(offset, n);
        }
        return ByteBuffer.wrap(chunk.array(), (int) (offset - chunkStart), n);
    }

    /** Reads from {@code offset} as much as fits, and at least {@code needed} bytes, into a new chunk. */
    private void fill(long offset, int needed) throws IOException {
        chunk = ByteBuffer.allocate((int) Math.max(needed, Math.min(CHUNK, size - offset)));
        chunkStart = offset;
        if (!(channel instanceof FileChannel)) {
            channel.position(offset);
        }
        while (chunk.position() < needed) {
            int read = channel instanceof FileChannel file ? file.read(chunk, offset + chunk.position())
                    : channel.read(chunk);
            if (read < 0) {
                chunkStart = -1;
                throw new IOException("content shrank during the transfer: ended before " + size + " bytes");
            }
        }
        chunk.limit(chunk.position());
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
