package org.ztpbox.tftp.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Netascii mode on the sending side (RFC 1350 Appendix, RFC 764): LF goes out as CR LF and a bare
 * CR as CR NUL. The converted length is unknown until the end, so conversion runs ahead of the
 * blocks asked for and keeps only what is not yet acknowledged: a window's worth, not the file.
 */
final class NetasciiBlockSource implements BlockSource {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final ReadableByteChannel channel;
    private final ByteBuffer raw = ByteBuffer.allocate(8192);
    private byte[] converted = new byte[16384];
    private long start;
    private int length;
    private boolean eof;

    NetasciiBlockSource(ReadableByteChannel channel) {
        this.channel = channel;
    }

    @Override
    public ByteBuffer read(long offset, int max) throws IOException {
        if (offset < start) {
            throw new IllegalStateException("netascii offset " + offset + " was already released (at " + start + ")");
        }
        while (!eof && start + length < offset + max) {
            convertMore();
        }
        int from = (int) Math.min(offset - start, length);
        // A view: converting more only appends (or moves to a new array), so it stays intact until release.
        return ByteBuffer.wrap(converted, from, Math.min(max, length - from));
    }

    private void convertMore() throws IOException {
        raw.clear();
        int n = channel.read(raw);
        if (n < 0) {
            eof = true;
            return;
        }
        if (length + 2 * n > converted.length) {
            converted = Arrays.copyOf(converted, Math.max(converted.length * 2, length + 2 * n));
        }
        for (int i = 0; i < n; i++) {
            byte b = raw.get(i);
            if (b == LF) {
                converted[length++] = CR;
                converted[length++] = LF;
            } else if (b == CR) {
                converted[length++] = CR;
                converted[length++] = 0;
            } else {
                converted[length++] = b;
            }
        }
    }

    @Override
    public void release(long offset) {
        int drop = (int) Math.min(Math.max(0, offset - start), length);
        System.arraycopy(converted, drop, converted, 0, length - drop);
        length -= drop;
        start += drop;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
