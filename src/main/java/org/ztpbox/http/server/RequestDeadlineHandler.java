package org.ztpbox.http.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;

/**
 * A request must arrive completely (headers and body) within a fixed time from its first byte,
 * however slowly it trickles in: an idle timeout alone does not stop a client that sends one byte
 * every few seconds (slowloris). Sits before the HTTP decoder, on raw bytes; the request handler
 * calls {@link #requestReceived()} when a request is complete.
 *
 * <p>One timer per connection at most, re-armed only when it fires while a request is still
 * arriving, so that thousands of requests per second do not each schedule and cancel a task.
 */
final class RequestDeadlineHandler extends ChannelInboundHandlerAdapter {

    private static final long IDLE = -1;

    private final long timeoutNanos;
    private final HttpCounters counters;
    private long startedNanos = IDLE;
    private boolean timerArmed;

    RequestDeadlineHandler(long timeoutMillis, HttpCounters counters) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (startedNanos == IDLE) {
            startedNanos = ctx.executor().ticker().nanoTime();
            if (!timerArmed) {
                arm(ctx, timeoutNanos);
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** The current request is complete; the next byte starts the next deadline. Event loop only. */
    void requestReceived() {
        startedNanos = IDLE;
    }

    private void arm(ChannelHandlerContext ctx, long delayNanos) {
        timerArmed = true;
        ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        timerArmed = false;
        if (startedNanos == IDLE || !ctx.channel().isActive()) {
            return;
        }
        long left = startedNanos + timeoutNanos - ctx.executor().ticker().nanoTime();
        if (left > 0) {
            arm(ctx, left);
            return;
        }
        counters.timeouts.increment();
        ctx.close();
    }
}
