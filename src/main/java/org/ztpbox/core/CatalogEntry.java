package org.ztpbox.core;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One file the catalog serves: a static file on disk or generated content. Servers read it
 * through {@link #open()}, from any position; a file on disk also offers its {@link #file()} for
 * zero-copy sending.
 */
public interface CatalogEntry {

    /** The name the client asked for, normalised. */
    String name();

    long size();

    Instant lastModified();

    /** A strong validator for HTTP conditional requests: changes whenever the content changes. */
    String etag();

    /** A fresh channel over the content; the caller closes it. */
    SeekableByteChannel open() throws IOException;

    /** The file on disk, when the content is one; null for generated content. */
    Path file();

    /**
     * True when the content holds credentials (SIP passwords, the phone admin password, a key):
     * such a file is served encrypted once the phone holds a key, and never to another phone.
     */
    default boolean holdsCredentials() {
        return false;
    }
}
