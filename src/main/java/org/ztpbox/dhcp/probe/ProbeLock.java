package org.ztpbox.dhcp.probe;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One probe at a time on a box: the appliance's periodic probe and {@code ztpbox doctor} both bind
 * UDP port 68 with {@code SO_REUSEADDR}, and the kernel hands a unicast answer to only one of
 * them, so two probes at once could each miss an INFORM answer. An advisory lock on a file in the
 * state directory serialises them; a probe waits for the other to finish (a few seconds).
 */
final class ProbeLock implements AutoCloseable {

    private static final long POLL_MILLIS = 100;

    private final FileChannel channel;
    private final FileLock lock;

    private ProbeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to {@code wait}; null when the file cannot be opened (a read-only
     * or missing state directory: probing unserialised is better than not probing).
     *
     * @throws IllegalStateException when another probe holds the lock longer than {@code wait}
     */
    static ProbeLock acquire(Path file, Duration wait) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new ProbeLock(channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            throw new IllegalStateException("interrupted while waiting for another DHCP probe to finish", e);
        } catch (IOException e) {
            closeQuietly(channel);
            return null;
        }
        closeQuietly(channel);
        throw new IllegalStateException("another DHCP probe (the appliance's periodic probe or another ztpbox doctor)"
                + " has been running for more than " + wait.toSeconds() + " s (lock " + file + ")");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process (a probe already running here): wait like any other
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to release.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it anyway.
        }
        closeQuietly(channel);
    }
}
