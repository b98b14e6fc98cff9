package org.ztpbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Lease;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.StoreException;

class GroupCommitJournalTest {

    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");

    /** Records each commit's size; blocks the first commit until released, so that work piles up. */
    private static final class SlowStore implements LeaseStore {
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstCommitStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean fail;

        @Override
        public void commit(List<Lease> leases, List<PhoneEvent> events) {
            firstCommitStarted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fail) {
                throw new StoreException("disk full");
            }
            batchSizes.add(leases.size() + events.size());
        }

        @Override
        public List<Lease> loadLeases() {
            return List.of();
        }

        @Override
        public List<PhoneEvent> events(MacAddress mac, int limit) {
            return List.of();
        }

        @Override
        public int pruneEvents(Instant cutoff) {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    private Lease lease(int i) {
        return new Lease(Ipv4Address.parse("10.0.0.1").plus(i), new MacAddress(i), Lease.LeaseState.BOUND, t0,
                t0.plusSeconds(60), null, null);
    }

    @Test
    void completesALeaseOnlyAfterItsCommitAndBatchesWhatQueuedMeanwhile() throws Exception {
        SlowStore store = new SlowStore();
        try (GroupCommitJournal journal = new GroupCommitJournal(store, 1000)) {
            CompletableFuture<Void> first = journal.persist(lease(0));
            assertThat(store.firstCommitStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> queued = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                queued.add(journal.persist(lease(i)));
            }
            journal.record(new PhoneEvent(t0, null, "dhcp", "DISCOVER", Map.of()));

            assertThat(first).isNotDone();
            store.release.countDown();
            CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

            assertThat(store.batchSizes).containsExactly(1, 51);
        }
    }

    @Test
    void failsTheLeasesOfAFailedCommit() {
        SlowStore store = new SlowStore();
        store.fail = true;
        store.release.countDown();
        try (GroupCommitJournal journal = new GroupCommitJournal(store, 1000)) {
            CompletableFuture<Void> f = journal.persist(lease(1));

            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasRootCauseMessage("disk full");
        }
    }

    @Test
    void dropsEventsButNeverLeasesWhenTheStoreFallsBehind() throws Exception {
        SlowStore store = new SlowStore();
        try (GroupCommitJournal journal = new GroupCommitJournal(store, 10)) {
            journal.persist(lease(0));
            assertThat(store.firstCommitStarted.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 25; i++) {
                journal.record(new PhoneEvent(t0, null, "dhcp", "DISCOVER", Map.of()));
            }
            CompletableFuture<Void> lease = journal.persist(lease(1));
            store.release.countDown();
            lease.get(5, TimeUnit.SECONDS);

            assertThat(journal.droppedEvents()).isEqualTo(15);
        }
    }

    @Test
    void writesEverythingQueuedBeforeClosing() throws Exception {
        SlowStore store = new SlowStore();
        store.release.countDown();
        GroupCommitJournal journal = new GroupCommitJournal(store, 1000);
        for (int i = 0; i < 20; i++) {
            journal.persist(lease(i));
        }
        journal.close();

        assertThat(store.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
    }
}
