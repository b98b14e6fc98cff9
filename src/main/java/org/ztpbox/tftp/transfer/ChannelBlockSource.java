package org.ztpbox.tftp.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * Octet mode: the content as it is. Reads ahead in chunks of 64 KiB (more when one read asks for
 * more), so a 512-byte transfer costs one read per 128 blocks instead of one per block, and a
 * window sent again after a loss usually comes from memory. A file is read by position (pread),
 * which takes microseconds from the page cache; that is why blocks are read on the event loop, as
 * tftpd-hpa does, rather than paying a thread hand-off per block.
 *
 * <p>The chunk is direct memory, refilled in place, and reads are views of it: the kernel copies
 * the file's bytes straight into it (a heap array would take a detour through the JDK's temporary
 * direct buffer), and the transfer streams its file through one buffer that stays in the CPU's
 * cache instead of allocating, zeroing and collecting the whole file 64 KiB at a time.
 */
final class ChannelBlockSource implements BlockSource {

    private static final int CHUNK = 64 * 1024;

    private final SeekableByteChannel channel;
    private final long size;
    private ByteBuffer chunk = ByteBuffer.allocateDirect(0);
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
        int from = (int) (offset - chunkStart);
        return chunk.duplicate().limit(from + n).position(from);
    }

    /**
     * Makes the chunk start at {@code offset} and hold at least {@code needed} bytes, and as many
     * more as fit. Bytes already in the chunk from {@code offset} on are kept, moved to its front
     * (a window that runs past the chunk's end is not read from the file twice); the rest is read.
     */
    private void fill(long offset, int needed) throws IOException {
        int wanted = (int) Math.max(needed, Math.min(CHUNK, size - offset));
        boolean inside = chunkStart >= 0 && offset >= chunkStart && offset < chunkStart + chunk.limit();
        chunk.position(inside ? (int) (offset - chunkStart) : chunk.limit());
        if (chunk.capacity() < wanted) {
            chunk = ByteBuffer.allocateDirect(wanted).put(chunk);
        } else {
            chunk.compact();
        }
        chunk.limit(wanted);
        chunkStart = offset;
        if (!(channel instanceof FileChannel)) {
            channel.position(offset + chunk.position());
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
