package org.ztpbox.provisioning;

import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import org.ztpbox.core.CatalogEntry;

/**
 * Content built in memory (an encrypted file, a key file), served from any position.
 *
 * @param etag a strong validator: differs whenever the bytes do, so that a range request never
 *             joins pieces of two different encryptions of one file
 */
record ContentEntry(String name, byte[] content, Instant lastModified, String etag, boolean holdsCredentials)
        implements CatalogEntry {

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public SeekableByteChannel open() {
        return new InMemoryChannel(content);
    }

    @Override
    public java.nio.file.Path file() {
        return null;
    }

    /** A read-only channel over an array. */
    private static final class InMemoryChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private long position;
        private boolean open = true;

        InMemoryChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(java.nio.ByteBuffer dst) throws java.io.IOException {
            ensureOpen();
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(java.nio.ByteBuffer src) {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            if (newPosition < 0) {
                throw new IllegalArgumentException("negative position " + newPosition);
            }
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }

        private void ensureOpen() throws java.nio.channels.ClosedChannelException {
            if (!open) {
                throw new java.nio.channels.ClosedChannelException();
            }
        }
    }
}
