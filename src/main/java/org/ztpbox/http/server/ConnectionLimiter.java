package org.ztpbox.http.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps open connections, in total and per client address, so that one device holding connections
 * open (slowloris) cannot take every slot; phones use one or two connections each. A connection
 * over a cap is closed at once, before any byte is read.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private final int maxTotal;
    private final int maxPerClient;
    private final HttpCounters counters;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();

    ConnectionLimiter(int maxTotal, int maxPerClient, HttpCounters counters) {
        this.maxTotal = maxTotal;
        this.maxPerClient = maxPerClient;
        this.counters = counters;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress client = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        int mine = perClient.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
        int all = total.incrementAndGet();
        counters.connections.increment();
        ctx.channel().closeFuture().addListener(f -> release(client));
        if (all > maxTotal || mine > maxPerClient) {
            counters.refusedConnections.increment();
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    private void release(InetAddress client) {
        total.decrementAndGet();
        perClient.computeIfPresent(client, (c, count) -> count.decrementAndGet() == 0 ? null : count);
    }

    int open() {
        return total.get();
    }
}
