package org.ztpbox.tftp.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.ztpbox.core.UploadArea;
import org.ztpbox.tftp.TftpAck;
import org.ztpbox.tftp.TftpData;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpOptionAck;
import org.ztpbox.tftp.TftpPacket;

/**
 * The receiving side of a WRQ, into an {@link UploadArea.Upload}: nothing is visible until the
 * last block has arrived and the upload is committed; only then goes the final ACK, so a client
 * that saw it knows the file is stored. With a window (RFC 7440) every windowsize-th block is
 * acknowledged; a block out of order is answered once with the ACK of the last block in order.
 * After the final ACK the transfer dallies for one timeout to answer a repeated last block
 * (RFC 1350 §6), because the client cannot know whether its last DATA arrived otherwise.
 */
public final class WriteTransfer implements Transfer {

    private enum State { RECEIVING, COMMITTING, DALLYING }

    private final UploadArea.Upload upload;
    private final NetasciiDecoder netascii;
    private final NegotiatedOptions options;
    private final long timeoutNanos;
    private final int maxRetries;
    private State state = State.RECEIVING;
    private TftpPacket lastReply;
    private long received;
    private int sinceAck;
    private boolean gapAnswered;
    private long bytes;
    private int retries;
    private int retransmits;
    private long deadline = Long.MAX_VALUE;
    private TransferOutcome committed;

    /** @param netascii null in octet mode */
    WriteTransfer(UploadArea.Upload upload, NetasciiDecoder netascii, NegotiatedOptions options, int maxRetries) {
        this.upload = upload;
        this.netascii = netascii;
        this.options = options;
        this.timeoutNanos = options.timeout().toNanos();
        this.maxRetries = maxRetries;
    }

    @Override
    public Step start(long now) {
        // RFC 2347 §3: the OACK takes the place of ACK 0.
        return reply(options.sendsOptionAck() ? new TftpOptionAck(options.acknowledged()) : new TftpAck(0), now);
    }

    @Override
    public Step onPacket(TftpPacket packet, long now) {
        if (packet instanceof TftpData data) {
            return onData(data, now);
        }
        if (packet instanceof TftpError error) {
            return end(TransferResult.CLIENT_ABORTED, "client sent ERROR " + error.code() + " " + error.message());
        }
        return end(TransferResult.FAILED, "client sent opcode " + packet.opcode() + " during a write",
                TftpError.of(TftpErrorCode.ILLEGAL_OPERATION, "expected DATA"));
    }

    private Step onData(TftpData data, long now) {
        int distance = BlockCounter.distance(received, data.block());
        if (state == State.DALLYING) {
            return distance == 0 ? Step.send(lastReply) : Step.NOTHING;
        }
        if (state == State.COMMITTING) {
            return Step.NOTHING; // the final ACK goes once the upload is stored
        }
        if (data.length() > options.blksize()) {
            return end(TransferResult.FAILED, "block of " + data.length() + " bytes, blksize is " + options.blksize(),
                    TftpError.of(TftpErrorCode.ILLEGAL_OPERATION, "block larger than the negotiated blksize"));
        }
        if (distance != 1) {
            // A repeat means our ACK was lost: answer each. A gap (a lost block in a window): answer once.
            if (distance == 0 || distance > options.windowsize()) {
                return Step.send(lastReply);
            }
            if (gapAnswered) {
                return Step.NOTHING;
            }
            gapAnswered = true;
            return reply(new TftpAck(BlockCounter.wire(received)), now);
        }
        try {
            store(data.data());
            received++;
            retries = 0;
            gapAnswered = false;
            if (data.length() < options.blksize()) {
                if (netascii != null) {
                    store(netascii.finish());
                }
                state = State.COMMITTING;
                deadline = Long.MAX_VALUE;
                return Step.commit(upload);
            }
        } catch (UploadArea.UploadTooLargeException e) {
            return end(TransferResult.FAILED, e.getMessage(), TftpError.of(TftpErrorCode.DISK_FULL, e.getMessage()));
        } catch (IOException e) {
            return end(TransferResult.FAILED, "storage error: " + e.getMessage(),
                    TftpError.of(TftpErrorCode.NOT_DEFINED, "storage error on the server"));
        }
        if (++sinceAck < options.windowsize()) {
            deadline = now + timeoutNanos;
            return Step.NOTHING;
        }
        return reply(new TftpAck(BlockCounter.wire(received)), now);
    }

    private void store(byte[] block) throws IOException {
        byte[] plain = netascii == null ? block : netascii.decode(block);
        upload.write(ByteBuffer.wrap(plain));
        bytes += plain.length;
    }

    private Step reply(TftpPacket packet, long now) {
        lastReply = packet;
        sinceAck = 0;
        deadline = now + timeoutNanos;
        return Step.send(packet);
    }

    @Override
    public Step onCommitted(IOException failure, long now) {
        if (failure != null) {
            return end(TransferResult.FAILED, "cannot store the upload: " + failure.getMessage(),
                    TftpError.of(TftpErrorCode.DISK_FULL, "cannot store the upload"));
        }
        committed = new TransferOutcome(TransferResult.COMPLETED, bytes, retransmits, "");
        state = State.DALLYING;
        return reply(new TftpAck(BlockCounter.wire(received)), now);
    }

    @Override
    public Step onTimeout(long now) {
        if (now < deadline) {
            return Step.NOTHING;
        }
        if (state == State.DALLYING) {
            deadline = Long.MAX_VALUE;
            return Step.end(committed);
        }
        if (++retries > maxRetries) {
            return end(TransferResult.TIMED_OUT, "no DATA after " + maxRetries + " retransmissions",
                    TftpError.of(TftpErrorCode.NOT_DEFINED, "timed out waiting for DATA"));
        }
        retransmits++;
        deadline = now + Backoff.delay(timeoutNanos, retries);
        return Step.send(lastReply);
    }

    @Override
    public long deadlineNanos() {
        return deadline;
    }

    private Step end(TransferResult result, String detail, TftpPacket... last) {
        deadline = Long.MAX_VALUE;
        upload.close();
        return Step.end(new TransferOutcome(result, bytes, retransmits, detail), last);
    }

    @Override
    public void close() {
        upload.close();
    }
}
