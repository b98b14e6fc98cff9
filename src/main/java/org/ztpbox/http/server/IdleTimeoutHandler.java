package org.ztpbox.http.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection on which nothing moved, in either direction, for the idle timeout: a
 * keep-alive connection left open, or a download the client stopped reading. A slow firmware
 * download that keeps making progress is not idle.
 *
 * <p>Netty's {@code IdleStateHandler} does this by listening to every write; this handler instead
 * looks at the outbound buffer when its timer fires (once per timeout per connection), so the
 * request path pays only a clock read. Output that moved is noticed at the next look, so a stalled
 * download is closed between one and two timeouts after its last progress.
 */
final class IdleTimeoutHandler extends ChannelInboundHandlerAdapter {

    private final long timeoutNanos;
    private boolean started;
    private long lastActivity;
    private Object lastMessage;
    private long lastProgress;
    private long lastPending;

    IdleTimeoutHandler(long timeoutMillis) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start(ctx);
        ctx.fireChannelActive();
    }

    private void start(ChannelHandlerContext ctx) {
        if (!started) {
            started = true;
            lastActivity = ctx.executor().ticker().nanoTime();
            schedule(ctx, timeoutNanos);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastActivity = ctx.executor().ticker().nanoTime();
        ctx.fireChannelRead(msg);
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        if (!ctx.channel().isOpen()) {
            return;
        }
        long now = ctx.executor().ticker().nanoTime();
        if (outputMoved(ctx)) {
            lastActivity = now;
        }
        long idle = now - lastActivity;
        if (idle >= timeoutNanos) {
            ctx.close();
        } else {
            schedule(ctx, timeoutNanos - idle);
        }
    }

    /** True when the bytes waiting to be written changed since the last look (written, or new ones queued). */
    private boolean outputMoved(ChannelHandlerContext ctx) {
        ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        if (out == null) {
            return false;
        }
        Object message = out.current();
        long progress = out.currentProgress();
        long pending = out.totalPendingWriteBytes();
        boolean moved = message != lastMessage || progress != lastProgress || pending != lastPending;
        lastMessage = message;
        lastProgress = progress;
        lastPending = pending;
        return moved;
    }
}
