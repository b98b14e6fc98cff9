package org.ztpbox.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.Lease;
import org.ztpbox.core.LeaseJournal;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.PhoneEvent;

/**
 * Group commit in front of a {@link LeaseStore}: one writer thread drains everything queued since
 * its last commit and writes it as a single transaction. Under load many leases share one fsync,
 * so durability does not cost throughput; when idle a lone lease commits at once.
 *
 * <p>Lease futures complete only after their transaction commits. Events ride along in the same
 * transactions; if the store falls far behind, new events (never leases) are dropped and counted.
 */
public final class GroupCommitJournal implements LeaseJournal, EventSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitJournal.class);
    private static final int MAX_BATCH = 8192;

    private final LeaseStore store;
    private final int maxPendingEvents;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pendingEvents = new AtomicInteger();
    private final LongAdder droppedEvents = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final Thread writer;
    private volatile boolean closing;

    private record PendingLease(Lease lease, CompletableFuture<Void> done) {
    }

    private static final Object STOP = new Object();

    public GroupCommitJournal(LeaseStore store, int maxPendingEvents) {
        this.store = store;
        this.maxPendingEvents = maxPendingEvents;
        this.writer = new Thread(this::run, "store-writer");
        this.writer.setDaemon(false);
        this.writer.start();
    }

    @Override
    public CompletableFuture<Void> persist(Lease lease) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("the store is shutting down"));
            return done;
        }
        queue.add(new PendingLease(lease, done));
        return done;
    }

    @Override
    public void record(PhoneEvent event) {
        if (pendingEvents.incrementAndGet() > maxPendingEvents || closing) {
            pendingEvents.decrementAndGet();
            droppedEvents.increment();
            return;
        }
        queue.add(event);
    }

    public long droppedEvents() {
        return droppedEvents.sum();
    }

    public long commits() {
        return commits.sum();
    }

    private void run() {
        List<Object> batch = new ArrayList<>(MAX_BATCH);
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stop = batch.remove(STOP);
            if (stop) {
                queue.drainTo(batch); // whatever raced in before the stop marker still gets written
            }
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Object> batch) {
        List<Lease> leases = new ArrayList<>();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        List<PhoneEvent> events = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof PendingLease pending) {
                leases.add(pending.lease());
                futures.add(pending.done());
            } else if (item instanceof PhoneEvent event) {
                events.add(event);
            }
        }
        pendingEvents.addAndGet(-events.size());
        if (leases.isEmpty() && events.isEmpty()) {
            return;
        }
        try {
            store.commit(leases, events);
            commits.increment();
            futures.forEach(f -> f.complete(null));
        } catch (RuntimeException e) {
            LOG.error("Store commit of {} leases and {} events failed: {}", leases.size(), events.size(),
                    e.getMessage(), e);
            futures.forEach(f -> f.completeExceptionally(e));
        }
    }

    /** Writes everything queued, then stops the writer. */
    @Override
    public void close() {
        closing = true;
        queue.add(STOP);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (droppedEvents.sum() > 0) {
            LOG.warn("{} events were dropped because the store fell behind", droppedEvents.sum());
        }
    }

}
