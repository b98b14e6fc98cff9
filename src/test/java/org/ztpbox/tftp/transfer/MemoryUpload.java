package org.ztpbox.tftp.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.ztpbox.core.UploadArea;

/** An upload kept in memory, with the cap and the visibility rule of the real one. */
final class MemoryUpload implements UploadArea.Upload {

    private final long maxBytes;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private byte[] committed;
    private boolean closed;

    MemoryUpload(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void write(ByteBuffer bytes) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        if (pending.size() + bytes.remaining() > maxBytes) {
            close();
            throw new UploadArea.UploadTooLargeException("over " + maxBytes);
        }
        byte[] b = new byte[bytes.remaining()];
        bytes.get(b);
        pending.writeBytes(b);
    }

    @Override
    public long commit() {
        committed = pending.toByteArray();
        closed = true;
        return committed.length;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** What became visible; null until committed. */
    byte[] committed() {
        return committed;
    }

    boolean closed() {
        return closed;
    }
}
