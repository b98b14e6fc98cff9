package org.ztpbox.tftp.server;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.UploadArea;
import org.ztpbox.tftp.TftpData;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpPacket;
import org.ztpbox.tftp.codec.InboundTftp;
import org.ztpbox.tftp.codec.OutboundTftp;
import org.ztpbox.tftp.codec.TftpDecodeResult;
import org.ztpbox.tftp.transfer.Step;
import org.ztpbox.tftp.transfer.Transfer;
import org.ztpbox.tftp.transfer.TransferOutcome;
import org.ztpbox.tftp.transfer.TransferResult;

/**
 * Drives one {@link Transfer} on its own ephemeral-port channel (RFC 1350 §4: the server's
 * transfer ID), connected to the client's transfer ID so that nothing else reaches it. One timer
 * per transfer, re-armed lazily: it fires at the deadline it was set for and is moved only when
 * the deadline comes earlier, so a busy transfer does not cancel a timer per packet.
 */
final class TftpTransferHandler extends SimpleChannelInboundHandler<InboundTftp> {

    private static final Logger LOG = LoggerFactory.getLogger(TftpTransferHandler.class);

    private final Transfer transfer;
    private final InetSocketAddress client;
    private final Executor blocking;
    private final TftpCounters counters;
    private final Consumer<TransferOutcome> onEnd;
    private ScheduledFuture<?> timer;
    private long timerAt = Long.MAX_VALUE;
    private boolean ended;

    /** @param onEnd called once, on this channel's event loop, when the transfer is over */
    TftpTransferHandler(Transfer transfer, InetSocketAddress client, Executor blocking, TftpCounters counters,
                        Consumer<TransferOutcome> onEnd) {
        super(InboundTftp.class);
        this.transfer = transfer;
        this.client = client;
        this.blocking = blocking;
        this.counters = counters;
        this.onEnd = onEnd;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        run(ctx, () -> transfer.start(System.nanoTime()));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundTftp in) {
        if (ended) {
            return;
        }
        if (in.result() instanceof TftpDecodeResult.Malformed malformed) {
            counters.malformed.increment();
            LOG.debug("Dropped a malformed packet from {} during a transfer: {}", client, malformed.reason());
            return;
        }
        TftpPacket packet = ((TftpDecodeResult.Decoded) in.result()).packet();
        if (packet instanceof TftpData data) {
            counters.bytesReceived.add(data.length());
        }
        // Once per block: no lambda here, unlike the rarer events that go through run().
        Step step;
        try {
            step = transfer.onPacket(packet, System.nanoTime());
        } catch (RuntimeException e) {
            step = failed(e);
        }
        apply(ctx, step);
    }

    private void onTimer(ChannelHandlerContext ctx) {
        timer = null;
        timerAt = Long.MAX_VALUE;
        if (!ended) {
            run(ctx, () -> transfer.onTimeout(System.nanoTime()));
        }
    }

    /** Runs one step of the state machine; a bug in it ends this transfer, never the server. */
    private void run(ChannelHandlerContext ctx, Supplier<Step> action) {
        Step step;
        try {
            step = action.get();
        } catch (RuntimeException e) {
            step = failed(e);
        }
        apply(ctx, step);
    }

    private Step failed(RuntimeException e) {
        LOG.warn("TFTP transfer with {} failed: {}", client, e.toString(), e);
        return new Step(List.of(TftpError.of(TftpErrorCode.NOT_DEFINED, "internal error")), null,
                new TransferOutcome(TransferResult.FAILED, 0, 0, "internal error: " + e));
    }

    /**
     * Sends the step's packets to the connected client; the encoder copies each DATA out of the
     * transfer's buffer as it is written, before the transfer runs again. Only the last packet of a
     * finished transfer needs a future (the channel closes after it); the others go with the void
     * promise, so a failed write reaches {@link #exceptionCaught} instead of a promise nobody reads.
     */
    private void apply(ChannelHandlerContext ctx, Step step) {
        List<TftpPacket> send = step.send();
        ChannelFuture last = null;
        for (int i = 0; i < send.size(); i++) {
            TftpPacket packet = send.get(i);
            if (packet instanceof TftpData data) {
                counters.bytesSent.add(data.length());
            }
            OutboundTftp out = new OutboundTftp(packet, null);
            if (step.finished() && i == send.size() - 1) {
                last = ctx.write(out);
            } else {
                ctx.write(out, ctx.voidPromise());
            }
        }
        if (!send.isEmpty()) {
            ctx.flush();
        }
        if (step.finished()) {
            end(ctx, step.outcome(), last);
            return;
        }
        if (step.commit() != null) {
            commit(ctx, step.commit());
        }
        arm(ctx);
    }

    private void arm(ChannelHandlerContext ctx) {
        long deadline = transfer.deadlineNanos();
        if (deadline == Long.MAX_VALUE || (timer != null && timerAt <= deadline)) {
            return; // an earlier timer fires first and re-arms for the moved deadline
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerAt = deadline;
        timer = ctx.executor().schedule(() -> onTimer(ctx), Math.max(0, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
    }

    /** Stores the upload off the event loop (fsync), then hands the result back to the transfer. */
    private void commit(ChannelHandlerContext ctx, UploadArea.Upload upload) {
        try {
            blocking.execute(() -> {
                IOException failure = null;
                try {
                    upload.commit();
                } catch (IOException e) {
                    failure = e;
                }
                IOException result = failure;
                ctx.executor().execute(() -> {
                    if (!ended) {
                        run(ctx, () -> transfer.onCommitted(result, System.nanoTime()));
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            run(ctx, () -> transfer.onCommitted(new IOException("server stopping"), System.nanoTime()));
        }
    }

    private void end(ChannelHandlerContext ctx, TransferOutcome outcome, ChannelFuture lastWrite) {
        ended = true;
        if (timer != null) {
            timer.cancel(false);
        }
        transfer.close();
        counters.retransmits.add(outcome.retransmits());
        if (outcome.result() == TransferResult.COMPLETED) {
            counters.completed.increment();
        } else {
            counters.failed.increment();
        }
        onEnd.accept(outcome);
        if (lastWrite != null) {
            lastWrite.addListener(ChannelFutureListener.CLOSE); // the final ERROR or ACK leaves first
        } else {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!ended) {
            end(ctx, new TransferOutcome(TransferResult.FAILED, 0, 0, "server stopped"), null);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof PortUnreachableException && !ended) {
            // ICMP port unreachable on the connected socket: the client has gone, retransmitting is futile.
            end(ctx, new TransferOutcome(TransferResult.CLIENT_ABORTED, 0, 0, "client port unreachable"), null);
            return;
        }
        // A UDP transfer keeps going whatever one packet did.
        LOG.debug("TFTP transfer channel for {}: {}", client, cause.toString());
    }
}
