package org.ztpbox.provisioning;

import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import org.ztpbox.core.ByteArrayChannel;
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
        return new ByteArrayChannel(content);
    }

    @Override
    public java.nio.file.Path file() {
        return null;
    }
}
