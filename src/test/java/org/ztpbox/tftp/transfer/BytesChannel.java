package org.ztpbox.tftp.transfer;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** Content in memory, as generated configs will be: a channel that is not a FileChannel. */
final class BytesChannel implements SeekableByteChannel {

    private final byte[] content;
    private long position;
    private boolean open = true;

    BytesChannel(byte[] content) {
        this.content = content;
    }

    @Override
    public int read(ByteBuffer dst) {
        if (position >= content.length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), content.length - position);
        dst.put(content, (int) position, n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    boolean closed() {
        return !open;
    }
}
