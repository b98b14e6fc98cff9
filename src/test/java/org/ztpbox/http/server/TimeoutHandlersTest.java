package org.ztpbox.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The idle timeout and the request deadline, on an EmbeddedChannel with a hand-moved clock. */
class TimeoutHandlersTest {

    /** Swallows what it reads, as the rest of the pipeline would. */
    private static final class Sink extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }

    private static void tick(EmbeddedChannel ch, long seconds) {
        ch.advanceTimeBy(seconds, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void idleConnectionsCloseAndTrafficKeepsThemOpen() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new IdleTimeoutHandler(10_000), new Sink());
        tick(ch, 6);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {1}));
        tick(ch, 6);
        assertThat(ch.isOpen()).as("a read 6 s ago").isTrue();
        tick(ch, 5);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aDownloadThatMovesIsNotIdle() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new IdleTimeoutHandler(10_000), new Sink());
        ch.config().setWriteBufferHighWaterMark(1 << 30);
        // Queued but not flushed: the outbound buffer holds it, as a socket the client reads slowly would.
        ch.write(Unpooled.wrappedBuffer(new byte[1000]));
        for (int i = 0; i < 4; i++) {
            tick(ch, 8);
            ch.write(Unpooled.wrappedBuffer(new byte[10])); // progress: what waits changes
        }
        assertThat(ch.isOpen()).isTrue();
        tick(ch, 11); // the last write happened after the previous look: still progress
        assertThat(ch.isOpen()).isTrue();
        tick(ch, 11);
        assertThat(ch.isOpen()).as("stuck: nothing moved for a whole timeout").isFalse();
    }

    @Test
    void aRequestTricklingInIsCutAtTheDeadline() {
        HttpCounters counters = new HttpCounters();
        RequestDeadlineHandler deadline = new RequestDeadlineHandler(30_000, counters);
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(deadline, new Sink());
        for (int i = 0; i < 5; i++) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'G'}));
            tick(ch, 5);
        }
        assertThat(ch.isOpen()).isTrue();
        deadline.requestReceived(); // complete after 25 s: in time
        tick(ch, 20);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'G'})); // the next request starts its own clock
        tick(ch, 29);
        assertThat(ch.isOpen()).isTrue();
        tick(ch, 2);
        assertThat(ch.isOpen()).isFalse();
        assertThat(counters.timeouts()).isEqualTo(1);
    }
}
