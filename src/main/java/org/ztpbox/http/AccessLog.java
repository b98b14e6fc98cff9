package org.ztpbox.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP access log: a file of its own under the state directory (not the service log, which
 * journald keeps), written by one thread so that a request never waits for the disk. When the
 * queue is full, lines are dropped and counted rather than slowing the server. The file rolls over
 * at {@code maxBytes} into {@code .1} ... {@code .<keep>}.
 */
public final class AccessLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private static final int MAX_QUEUED = 65_536;
    private static final long IDLE_PARK_NANOS = 20_000_000;

    // Lock-free, and the writer polls: a logged request never wakes a thread or takes a lock.
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean stopping;
    private final LongAdder dropped = new LongAdder();
    private final Thread writer;
    private BufferedWriter out;
    private long size;

    public AccessLog(Path file, long maxBytes, int keep) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
        Files.createDirectories(file.toAbsolutePath().getParent());
        open();
        this.writer = new Thread(this::run, "http-access-log");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public Path file() {
        return file;
    }

    /** Queues a line; never blocks. */
    public void log(String line) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.offer(line);
    }

    public long dropped() {
        return dropped.sum();
    }

    private void open() throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    private void run() {
        List<String> batch = new ArrayList<>(4096);
        while (true) {
            String line;
            while (batch.size() < 4096 && (line = queue.poll()) != null) {
                batch.add(line);
            }
            queued.addAndGet(-batch.size());
            if (!batch.isEmpty()) {
                write(batch);
                batch.clear();
            } else if (stopping) {
                return;
            } else {
                LockSupport.parkNanos(IDLE_PARK_NANOS); // lines reach the file within this much
            }
        }
    }

    /** Writes a batch and flushes. */
    private void write(List<String> batch) {
        try {
            for (String line : batch) {
                out.write(line);
                out.write('\n');
                size += line.length() + 1;
                if (size >= maxBytes) {
                    roll();
                }
            }
            out.flush();
        } catch (IOException e) {
            dropped.add(batch.size());
            LOG.warn("Cannot write the HTTP access log {}: {}", file, e.getMessage());
        }
    }

    private void roll() throws IOException {
        out.close();
        for (int i = keep - 1; i >= 1; i--) {
            Path older = file.resolveSibling(file.getFileName() + "." + i);
            if (Files.exists(older)) {
                Files.move(older, file.resolveSibling(file.getFileName() + "." + (i + 1)),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        stopping = true;
        try {
            writer.join(5000);
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("Closing the HTTP access log {}: {}", file, e.getMessage());
        }
    }
}
