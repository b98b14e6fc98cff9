package org.ztpbox.provisioning;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Encrypted content by (source, its validator, key), least recently used dropped past a byte cap,
 * everything dropped when the keys change. Keeping an encryption keeps its ETag stable, so phones'
 * conditional and range requests work; encrypting again would give new bytes (a new IV).
 */
final class EncryptedEntryCache {

    /** @param sourceEtag the plain content's validator: a changed file is a different key */
    record Key(String source, String sourceEtag, String keyName) {
    }

    private final long maxBytes;
    private final Map<Key, ContentEntry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long generation = Long.MIN_VALUE;

    EncryptedEntryCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The cached entry, or a new one from {@code build} (run outside the lock: encrypting takes time).
     * Callers that miss at once may each build, but the first to finish is kept and returned to all:
     * every caller then sees the same bytes and ETag, which another build (a new IV) would change.
     */
    ContentEntry get(Key key, long keysGeneration, Supplier<ContentEntry> build) {
        synchronized (this) {
            if (keysGeneration != generation) {
                entries.clear();
                bytes = 0;
                generation = keysGeneration;
            }
            ContentEntry cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ContentEntry built = build.get();
        synchronized (this) {
            if (generation == keysGeneration && built.size() <= maxBytes) {
                ContentEntry first = entries.putIfAbsent(key, built);
                if (first != null) {
                    return first;
                }
                bytes += built.size();
                for (Iterator<ContentEntry> it = entries.values().iterator(); bytes > maxBytes && it.hasNext(); ) {
                    bytes -= it.next().size();
                    it.remove();
                }
            }
        }
        return built;
    }

    synchronized int size() {
        return entries.size();
    }
}
