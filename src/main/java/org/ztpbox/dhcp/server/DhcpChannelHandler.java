package org.ztpbox.dhcp.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.LeaseJournal;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.InboundDhcp;
import org.ztpbox.dhcp.codec.DhcpCodec;
import org.ztpbox.dhcp.codec.DhcpDecodeResult;
import org.ztpbox.dhcp.engine.DhcpEngine;
import org.ztpbox.dhcp.engine.DhcpOutcome;

/**
 * The DHCP socket's handler: decode, rate-limit, decide, persist, reply. Runs on one event loop.
 * A reply that grants a lease leaves only after the journal has committed that lease; nothing a
 * client sends can close the channel.
 */
final class DhcpChannelHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(DhcpChannelHandler.class);
    private static final long WARN_INTERVAL_NANOS = 60_000_000_000L;

    private final DhcpCodec codec = new DhcpCodec();
    private final DhcpEngine engine;
    private final LeaseJournal journal;
    private final EventSink events;
    private final DhcpCounters counters;
    private final ClientRateLimiter rateLimiter;
    private final Clock clock;
    private long lastMalformedWarn = Long.MIN_VALUE / 2;
    private long lastExhaustedWarn = Long.MIN_VALUE / 2;

    DhcpChannelHandler(DhcpEngine engine, LeaseJournal journal, EventSink events, DhcpCounters counters,
                       int rateLimit, Clock clock) {
        this.engine = engine;
        this.journal = journal;
        this.events = events;
        this.counters = counters;
        this.rateLimiter = new ClientRateLimiter(rateLimit, 100_000);
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        counters.received.increment();
        byte[] bytes = ByteBufUtil.getBytes(packet.content());
        InetSocketAddress sender = packet.sender();
        DhcpDecodeResult result = codec.decode(bytes);
        if (result instanceof DhcpDecodeResult.Malformed malformed) {
            counters.malformed.increment();
            warnMalformed(sender, malformed.reason());
            return;
        }
        DhcpMessage message = ((DhcpDecodeResult.Decoded) result).message();
        long now = System.nanoTime();
        if (!rateLimiter.tryAcquire(message.chaddr(), now)) {
            counters.rateLimited.increment();
            LOG.debug("Rate limit: dropped a message from {} xid {}", message.chaddr(),
                    Integer.toHexString(message.xid()));
            return;
        }
        Instant receivedAt = clock.instant();
        InboundDhcp in = new InboundDhcp(message, sender.getAddress() == null ? Ipv4Address.ANY
                : Ipv4Address.fromBytes(sender.getAddress().getAddress(), 0), sender.getPort(), receivedAt);
        DhcpOutcome outcome = engine.handle(in);
        events.record(DhcpEvents.received(in, outcome));
        LOG.debug("{} {} xid {}: {}", message.type(), message.chaddr(), Integer.toHexString(message.xid()),
                outcome.note());
        if (DhcpOutcome.POOL_EXHAUSTED.equals(outcome.note())) {
            counters.poolExhausted.increment();
            warnExhausted(message);
        }
        if (outcome.lease() != null) {
            journal.persist(outcome.lease()).whenComplete((ok, failure) -> {
                if (failure != null) {
                    counters.storeFailures.increment();
                    LOG.error("Lease for {} xid {} not stored, so not acknowledged: {}", message.chaddr(),
                            Integer.toHexString(message.xid()), failure.getMessage());
                } else if (outcome.replies()) {
                    ctx.channel().eventLoop().execute(() -> send(ctx, outcome));
                }
            });
        } else if (outcome.replies()) {
            send(ctx, outcome);
        } else {
            counters.silent.increment();
        }
    }

    private void send(ChannelHandlerContext ctx, DhcpOutcome outcome) {
        DhcpMessage reply = outcome.reply();
        byte[] bytes;
        try {
            bytes = codec.encode(reply, 1500);
        } catch (IllegalArgumentException e) {
            counters.sendFailures.increment();
            LOG.warn("Reply to {} xid {} not sent: {}", reply.chaddr(), Integer.toHexString(reply.xid()), e.getMessage());
            return;
        }
        InetSocketAddress target = new InetSocketAddress(toInet(outcome.target()), outcome.targetPort());
        ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), target)).addListener(f -> {
            if (!f.isSuccess()) {
                counters.sendFailures.increment();
                LOG.warn("Reply to {} xid {} via {} failed: {}", reply.chaddr(), Integer.toHexString(reply.xid()),
                        target, f.cause().toString());
            }
        });
        switch (reply.type().code()) {
            case 2 -> counters.offers.increment();
            case 5 -> counters.acks.increment();
            case 6 -> counters.naks.increment();
            default -> { }
        }
    }

    private static java.net.InetAddress toInet(Ipv4Address address) {
        try {
            return java.net.InetAddress.getByAddress(address.toBytes());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private void warnMalformed(InetSocketAddress sender, String reason) {
        long now = System.nanoTime();
        if (now - lastMalformedWarn > WARN_INTERVAL_NANOS) {
            lastMalformedWarn = now;
            LOG.warn("Dropped a malformed DHCP packet from {}: {} ({} malformed so far; next warning in a minute)",
                    sender, reason, counters.malformed());
        } else {
            LOG.debug("Dropped a malformed DHCP packet from {}: {}", sender, reason);
        }
    }

    private void warnExhausted(DhcpMessage message) {
        long now = System.nanoTime();
        if (now - lastExhaustedWarn > WARN_INTERVAL_NANOS) {
            lastExhaustedWarn = now;
            LOG.warn("DHCP pool exhausted: no address for {} (usage {}); widen dhcp.pool or shorten dhcp.lease-time",
                    message.chaddr(), usage());
        }
    }

    private String usage() {
        StringBuilder sb = new StringBuilder();
        engine.table().usage().forEach((name, used) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(name.isEmpty() ? "pool" : name).append(' ').append(used[0]).append('/').append(used[1]));
        return sb.toString();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP server keeps serving whatever one packet did.
        counters.malformed.increment();
        LOG.warn("DHCP handler error (the listener carries on): {}", cause.toString(), cause);
    }
}
