package org.ztpbox.core;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where phones' uploads land: one area per phone. An upload is written to a temporary file and
 * becomes visible only on {@link Upload#commit()}, atomically, with the previous version kept; an
 * aborted or oversized upload leaves nothing behind. Uploads never overwrite a served file.
 */
public interface UploadArea {

    /**
     * Starts an upload of at most {@code maxBytes}.
     *
     * @throws IOException when the area cannot be written
     */
    Upload begin(UploadName name, long maxBytes) throws IOException;

    /**
     * True when a committed version of {@code name} exists (HTTP answers a replacing PUT with 204,
     * a creating one with 201: RFC 9110 §9.3.4). The default knows nothing and says false.
     */
    default boolean exists(UploadName name) {
        return false;
    }

    /** An upload in progress. Not thread-safe; one writer. */
    interface Upload extends AutoCloseable {

        /**
         * Appends bytes.
         *
         * @throws UploadTooLargeException when the total would pass the cap; the upload is then aborted
         */
        void write(ByteBuffer bytes) throws IOException;

        /** Makes the upload visible (fsync, keep the previous version, atomic rename); returns its size. */
        long commit() throws IOException;

        /** Discards the upload. Idempotent, and a no-op after commit. */
        @Override
        void close();
    }

    /** The cap was exceeded; HTTP answers 413, TFTP an ERROR "disk full or allocation exceeded". */
    class UploadTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public UploadTooLargeException(String message) {
            super(message);
        }
    }
}
