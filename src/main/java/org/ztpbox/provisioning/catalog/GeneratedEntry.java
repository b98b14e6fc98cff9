package org.ztpbox.provisioning.catalog;

import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.ztpbox.core.ByteArrayChannel;
import org.ztpbox.core.CatalogEntry;

/**
 * Generated content held in memory. Its ETag is a digest of the bytes, so a file rendered again
 * with the same content keeps its validator and phones' conditional requests still match.
 */
public record GeneratedEntry(String name, byte[] bytes, String etag, Instant lastModified, boolean holdsCredentials)
        implements CatalogEntry {

    public static GeneratedEntry of(String name, byte[] bytes, Instant renderedAt, boolean holdsCredentials) {
        return new GeneratedEntry(name, bytes, "\"g" + digest(bytes) + "\"", renderedAt, holdsCredentials);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public SeekableByteChannel open() {
        return new ByteArrayChannel(bytes);
    }

    @Override
    public Path file() {
        return null;
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(sha, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
