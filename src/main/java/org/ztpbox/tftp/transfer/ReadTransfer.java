package org.ztpbox.tftp.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.ztpbox.tftp.TftpAck;
import org.ztpbox.tftp.TftpData;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpOptionAck;
import org.ztpbox.tftp.TftpPacket;

/**
 * The sending side of an RRQ: RFC 1350 lock-step, or windows of RFC 7440.
 *
 * <p>Only an ACK that acknowledges something new makes it send, and then only the blocks after
 * the acknowledged one: a duplicate ACK is ignored, which prevents the Sorcerer's Apprentice
 * syndrome (RFC 1123 §4.2.3.1), where every duplicate doubled the traffic. An ACK inside the window
 * (RFC 7440 §4: the client missed the next block) restarts the window after it. Lost packets are
 * recovered by the timer alone, a bounded number of times, backing off ({@link Backoff}).
 */
public final class ReadTransfer implements Transfer {

    private final BlockSource source;
    private final NegotiatedOptions options;
    private final long timeoutNanos;
    private final int maxRetries;
    private boolean optionAckPending;
    private long acknowledged;
    private long sent;
    private long lastBlock = Long.MAX_VALUE;
    private int lastLength;
    private int retries;
    private int retransmits;
    private long deadline = Long.MAX_VALUE;

    ReadTransfer(BlockSource source, NegotiatedOptions options, int maxRetries) {
        this.source = source;
        this.options = options;
        this.timeoutNanos = options.timeout().toNanos();
        this.maxRetries = maxRetries;
        this.optionAckPending = options.sendsOptionAck();
    }

    @Override
    public Step start(long now) {
        if (optionAckPending) {
            deadline = now + Backoff.delay(timeoutNanos, retries);
            return Step.send(new TftpOptionAck(options.acknowledged()));
        }
        return window(now);
    }

    @Override
    public Step onPacket(TftpPacket packet, long now) {
        if (packet instanceof TftpAck ack) {
            return onAck(ack.block(), now);
        }
        if (packet instanceof TftpError error) {
            return Step.end(outcome(TransferResult.CLIENT_ABORTED, "client sent ERROR " + error.code() + " "
                    + error.message()));
        }
        return Step.end(outcome(TransferResult.FAILED, "client sent opcode " + packet.opcode() + " during a read"),
                TftpError.of(TftpErrorCode.ILLEGAL_OPERATION, "expected an ACK"));
    }

    private Step onAck(int wireBlock, long now) {
        if (optionAckPending) {
            if (wireBlock != 0) {
                return Step.NOTHING;
            }
            optionAckPending = false;
            retries = 0;
            return window(now);
        }
        int distance = BlockCounter.distance(acknowledged, wireBlock);
        if (distance == 0 || acknowledged + distance > sent) {
            return Step.NOTHING; // a duplicate or a stray: answering it is the Sorcerer's Apprentice bug
        }
        acknowledged += distance;
        retries = 0;
        source.release(acknowledged * options.blksize());
        if (acknowledged == lastBlock) {
            deadline = Long.MAX_VALUE;
            return Step.end(outcome(TransferResult.COMPLETED, ""));
        }
        return window(now);
    }

    /**
     * Sends the window that follows the last acknowledged block. Its bytes come from one read, so
     * its packets all point into the source's buffer as it is now; the server encodes them before
     * it calls the transfer again.
     */
    private Step window(long now) {
        int blksize = options.blksize();
        List<TftpPacket> packets = new ArrayList<>(options.windowsize());
        try {
            ByteBuffer bytes = source.read(acknowledged * blksize, options.windowsize() * blksize);
            int at = bytes.position();
            for (long block = acknowledged + 1; block <= acknowledged + options.windowsize() && block <= lastBlock;
                 block++) {
                int length = Math.min(blksize, bytes.limit() - at);
                if (length < blksize) {
                    lastBlock = block;
                    lastLength = length;
                }
                packets.add(new TftpData(BlockCounter.wire(block), bytes.slice(at, length)));
                at += length;
                sent = Math.max(sent, block);
            }
        } catch (IOException | RuntimeException e) {
            return Step.end(outcome(TransferResult.FAILED, "read error: " + e.getMessage()),
                    TftpError.of(TftpErrorCode.NOT_DEFINED, "read error on the server"));
        }
        deadline = now + Backoff.delay(timeoutNanos, retries);
        return Step.send(packets);
    }

    @Override
    public Step onTimeout(long now) {
        if (now < deadline) {
            return Step.NOTHING;
        }
        if (++retries > maxRetries) {
            deadline = Long.MAX_VALUE;
            boolean onlyLastAckMissing = sent == lastBlock && acknowledged == lastBlock - 1;
            return Step.end(outcome(onlyLastAckMissing ? TransferResult.UNCONFIRMED : TransferResult.TIMED_OUT,
                    "no ACK after " + maxRetries + " retransmissions"),
                    TftpError.of(TftpErrorCode.NOT_DEFINED, "timed out waiting for ACK"));
        }
        retransmits++;
        return start(now);
    }

    @Override
    public long deadlineNanos() {
        return deadline;
    }

    @Override
    public Step onCommitted(IOException failure, long now) {
        throw new IllegalStateException("a read transfer commits nothing");
    }

    private TransferOutcome outcome(TransferResult result, String detail) {
        long bytes = acknowledged == lastBlock ? (lastBlock - 1) * options.blksize() + lastLength
                : acknowledged * options.blksize();
        return new TransferOutcome(result, bytes, retransmits, detail);
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            // Closing a file opened for reading loses nothing; the transfer is over either way.
        }
    }
}
