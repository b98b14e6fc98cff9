package org.ztpbox.http.server;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The contents of small static files (configuration), so that serving one costs no open, read and
 * close. Every use is checked against the entry's ETag, which changes with its size or
 * modification time, and the catalog looks the file up on every request anyway: an edited file is
 * served new at once, never from a stale copy. Bounded in total; cleared when full. Thread-safe.
 */
final class SmallFileCache {

    private record Cached(Path file, String etag, byte[] bytes) {
    }

    // Keyed by the path's text: a lookup builds a new Path each time, and hashing a String is cheaper.
    private final ConcurrentHashMap<String, Cached> files = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final int maxFileBytes;
    private final long maxTotalBytes;

    SmallFileCache(int maxFileBytes, long maxTotalBytes) {
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    boolean fits(long size) {
        return size <= maxFileBytes;
    }

    /**
     * The content of {@code file} as of {@code etag}, or null.
     *
     * @param name the entry's name, which (with the file) identifies it
     */
    byte[] get(String name, Path file, String etag) {
        Cached cached = files.get(name);
        return cached != null && cached.etag().equals(etag) && cached.file().equals(file) ? cached.bytes() : null;
    }

    void put(String name, Path file, String etag, byte[] bytes) {
        if (bytes.length > maxFileBytes) {
            return;
        }
        if (total.addAndGet(bytes.length) > maxTotalBytes) {
            // Crude but bounded: a site's configuration is far smaller than the cap, so this is rare.
            files.clear();
            total.set(bytes.length);
        }
        Cached previous = files.put(name, new Cached(file, etag, bytes));
        if (previous != null) {
            total.addAndGet(-previous.bytes().length);
        }
    }

    int size() {
        return files.size();
    }
}
