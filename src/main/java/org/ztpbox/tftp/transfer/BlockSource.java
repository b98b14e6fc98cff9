package org.ztpbox.tftp.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** The bytes a read transfer sends, addressed by their offset in the stream as it goes on the wire. */
interface BlockSource extends Closeable {

    /**
     * Up to {@code length} bytes at {@code offset}, fewer only at the end of the stream: the
     * remaining bytes of the buffer returned, which may be direct. The bytes are a view into the
     * source's own buffer, valid until the next call to {@code read} or {@link #release}: the caller
     * is done with them (their packets encoded) before it asks for more.
     *
     * @throws IOException when the content cannot be read (or shrank under us)
     */
    ByteBuffer read(long offset, int length) throws IOException;

    /** Bytes before {@code offset} are acknowledged and will not be asked for again. */
    default void release(long offset) {
    }

    /** The stream's length, or -1 when it is known only at its end (netascii conversion). */
    long size();
}
