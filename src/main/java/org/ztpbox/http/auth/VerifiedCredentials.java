package org.ztpbox.http.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Recently verified {@code Authorization} headers. nginx re-checks the password hash on every
 * request and loses 80-98 % of its throughput to it (BASELINES.md §3); a phone re-sends the same
 * header on every request of its boot, so remembering the verdict for a short time makes
 * authentication nearly free. The key holds the client address, method and target besides the
 * header, so a hit proves exactly what a fresh check would. Bounded: cleared when full.
 */
final class VerifiedCredentials {

    private record Verdict(Identity identity, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<String, Verdict> verdicts = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;

    /** @param ttlMillis 0 disables the cache */
    VerifiedCredentials(long ttlMillis, int maxEntries) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    static String key(String client, String method, String target, String authorization) {
        return client + ' ' + method + ' ' + target + ' ' + authorization;
    }

    Identity find(String key, long nowMillis) {
        if (ttlMillis == 0) {
            return null;
        }
        Verdict verdict = verdicts.get(key);
        if (verdict == null) {
            return null;
        }
        if (nowMillis >= verdict.expiresAtMillis()) {
            verdicts.remove(key, verdict);
            return null;
        }
        return verdict.identity();
    }

    /** Remembers a verdict until {@code now + ttl}, or {@code notAfterMillis} if that comes first. */
    void remember(String key, Identity identity, long nowMillis, long notAfterMillis) {
        if (ttlMillis == 0) {
            return;
        }
        if (verdicts.size() >= maxEntries) {
            verdicts.clear(); // crude, but bounded; a busy LAN refills it within one request per phone
        }
        verdicts.put(key, new Verdict(identity, Math.min(nowMillis + ttlMillis, notAfterMillis)));
    }

    int size() {
        return verdicts.size();
    }
}
