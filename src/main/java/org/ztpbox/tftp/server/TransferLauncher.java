package org.ztpbox.tftp.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.EventSink;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.codec.OutboundTftp;
import org.ztpbox.tftp.codec.TftpCodec;
import org.ztpbox.tftp.codec.TftpDatagramDecoder;
import org.ztpbox.tftp.codec.TftpDatagramEncoder;
import org.ztpbox.tftp.transfer.StartResult;
import org.ztpbox.tftp.transfer.TransferStarter;

/**
 * Turns an admitted request into a running transfer: the checks and file opening run on the
 * blocking executor, then the transfer gets its own channel on an ephemeral port (RFC 1350 §4),
 * registered on one of the shared event loops: no thread per transfer ({@link TransferChannels}).
 * The channel is connected to the client's transfer ID, as tftpd-hpa does: the kernel then
 * delivers only the client's packets (a stranger gets ICMP port unreachable instead of RFC 1350's
 * ERROR 5, and can never disturb the transfer) and sends without a route lookup per block. A
 * refusal is answered from the listener's socket. Either way {@code done} runs once, on the
 * listener's event loop.
 */
final class TransferLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(TransferLauncher.class);

    private final TransferStarter starter;
    private final TransferChannels transfers;
    private final Executor blocking;
    private final EventSink events;
    private final TftpCounters counters;

    TransferLauncher(TransferStarter starter, TransferChannels transfers, Executor blocking, EventSink events,
                     TftpCounters counters) {
        this.starter = starter;
        this.transfers = transfers;
        this.blocking = blocking;
        this.events = events;
        this.counters = counters;
    }

    /**
     * @param listener the request socket, for refusals
     * @param done     runs on the listener's event loop when the request is finished with
     */
    void launch(PendingRequest pending, Channel listener, Consumer<PendingRequest> done) {
        EventLoop home = listener.eventLoop();
        try {
            blocking.execute(() -> {
                StartResult result;
                try {
                    result = starter.start(pending.request(), pending.client().getAddress(), pending.phone());
                } catch (RuntimeException e) {
                    // A failing catalog must not keep the request's transfer slot for ever.
                    LOG.warn("{} {} from {} failed: {}", pending.request().kind(), pending.request().filename(),
                            pending.client(), e.toString(), e);
                    result = new StartResult.Refused(TftpError.of(TftpErrorCode.NOT_DEFINED, "server error"));
                }
                if (result instanceof StartResult.Started started) {
                    open(pending, started, listener, done);
                } else {
                    TftpError error = ((StartResult.Refused) result).error();
                    home.execute(() -> refuse(pending, error, listener, done));
                }
            });
        } catch (RejectedExecutionException e) {
            refuse(pending, TftpError.of(TftpErrorCode.NOT_DEFINED, "server stopping"), listener, done);
        }
    }

    private void open(PendingRequest pending, StartResult.Started started, Channel listener,
                      Consumer<PendingRequest> done) {
        EventLoop home = listener.eventLoop();
        long startedNanos = System.nanoTime();
        TftpTransferHandler handler = new TftpTransferHandler(started.transfer(), pending.client(), blocking, counters,
                outcome -> {
                    events.record(TftpEvents.finished(pending, started.options(), outcome, startedNanos,
                            System.nanoTime()));
                    LOG.debug("{} {} from {}: {} ({} bytes)", pending.request().kind(), pending.request().filename(),
                            pending.client(), outcome.result().label(), outcome.bytes());
                    home.execute(() -> done.accept(pending));
                });
        TftpCodec codec = new TftpCodec();
        ChannelFuture bound = transfers.connect(pending.client(),
                ((InetSocketAddress) listener.localAddress()).getAddress(), new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new TftpDatagramDecoder(codec), new TftpDatagramEncoder(codec), handler);
                    }
                });
        bound.addListener(f -> {
            if (!f.isSuccess()) {
                started.transfer().close();
                LOG.warn("Cannot open a TFTP transfer port for {}: {}", pending.client(), f.cause().toString());
                home.execute(() -> refuse(pending, TftpError.of(TftpErrorCode.NOT_DEFINED, "no transfer port free"),
                        listener, done));
            }
        });
    }

    /** Answers with the ERROR, records the refusal and frees the request's place. */
    void refuse(PendingRequest pending, TftpError error, Channel listener, Consumer<PendingRequest> done) {
        counters.refused.increment();
        sendError(listener, error, pending.client());
        events.record(TftpEvents.refused(pending, "refused", error));
        LOG.debug("{} {} from {} refused: {}", pending.request().kind(), pending.request().filename(),
                pending.client(), error.message());
        done.accept(pending);
    }

    static void sendError(Channel channel, TftpError error, InetSocketAddress to) {
        channel.writeAndFlush(new OutboundTftp(error, to));
    }
}
