package org.ztpbox.provisioning;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import org.ztpbox.core.CatalogEntry;

/** A catalog entry that is a regular file on disk, served zero-copy where the transport can. */
public record FileEntry(String name, Path file, long size, Instant lastModified) implements CatalogEntry {

    /** The entry for {@code file} as it is now; empty when it is not a regular file (links followed). */
    public static Optional<CatalogEntry> of(String name, Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return attrs.isRegularFile()
                    ? Optional.of(new FileEntry(name, file, attrs.size(), attrs.lastModifiedTime().toInstant()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String etag() {
        return "\"" + Long.toHexString(size) + "-" + Long.toHexString(lastModified.toEpochMilli()) + "\"";
    }

    @Override
    public SeekableByteChannel open() throws IOException {
        return FileChannel.open(file);
    }
}
