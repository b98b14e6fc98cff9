package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EncryptedEntryCacheTest {

    private static final EncryptedEntryCache.Key KEY = new EncryptedEntryCache.Key("site.cfg", "\"e1\"", "k1");

    @Test
    void concurrentMissesAllGetTheOneEncryptionThatWasKept() throws Exception {
        EncryptedEntryCache cache = new EncryptedEntryCache(1 << 20);
        int callers = 4;
        CountDownLatch allBuilding = new CountDownLatch(callers);
        AtomicInteger builds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            @SuppressWarnings("unchecked")
            Future<ContentEntry>[] results = new Future[callers];
            for (int i = 0; i < callers; i++) {
                results[i] = pool.submit(() -> cache.get(KEY, 1, () -> {
                    int n = builds.incrementAndGet();
                    allBuilding.countDown();
                    await(allBuilding); // every caller missed before any finished
                    return new ContentEntry("site.cfg", new byte[] {(byte) n}, Instant.EPOCH, "\"enc-" + n + "\"",
                            true);
                }));
            }
            ContentEntry first = results[0].get(10, TimeUnit.SECONDS);
            for (Future<ContentEntry> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS)).as("same bytes and ETag for every caller").isSameAs(first);
            }
            assertThat(builds).hasValue(callers);
            assertThat(cache.get(KEY, 1, () -> {
                throw new AssertionError("cached: no new encryption");
            })).isSameAs(first);
            assertThat(cache.size()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
