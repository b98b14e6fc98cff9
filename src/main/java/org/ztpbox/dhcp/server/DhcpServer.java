package org.ztpbox.dhcp.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.RawUnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.LeaseJournal;
import org.ztpbox.dhcp.engine.DhcpEngine;

/**
 * The DHCP listener: one UDP socket on the served interface, one event-loop thread that owns the
 * engine and its lease table.
 *
 * <p>On Linux the socket is bound to the interface with {@code SO_BINDTODEVICE} (through Netty's
 * epoll transport), so broadcasts leave by the served interface and requests arriving on other
 * interfaces are never answered. Elsewhere it falls back to NIO on all interfaces, with a warning.
 */
public final class DhcpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DhcpServer.class);
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(10);
    private static final int RECEIVE_BUFFER_BYTES = 512 << 10;

    private final DhcpEngine engine;
    private final LeaseJournal journal;
    private final EventSink events;
    private final DhcpCounters counters = new DhcpCounters();
    private final String interfaceName;
    private final int port;
    private final int rateLimit;
    private final Clock clock;
    private EventLoopGroup group;
    private Channel channel;

    /** @param interfaceName the interface to bind to, or null for all */
    public DhcpServer(DhcpEngine engine, LeaseJournal journal, EventSink events, String interfaceName, int port,
                      int rateLimit, Clock clock) {
        this.engine = engine;
        this.journal = journal;
        this.events = events;
        this.interfaceName = interfaceName;
        this.port = port;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    public DhcpCounters counters() {
        return counters;
    }

    /** Binds the socket; throws with a plain explanation when the port is taken or not permitted. */
    public void start() {
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("dhcp"),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        DhcpChannelHandler handler = new DhcpChannelHandler(engine, journal, events, counters, rateLimit, clock);
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.SO_BROADCAST, true)
                // Small on purpose: when overloaded, a deep queue only means answering requests the
                // clients have already retried; ~512 KB holds some 50 ms of a 7k/s storm.
                .option(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(handler);
                    }
                });
        if (interfaceName != null && epoll) {
            byte[] name = (interfaceName + "\0").getBytes(StandardCharsets.US_ASCII);
            ByteBuffer value = ByteBuffer.allocateDirect(name.length).put(name).flip();
            bootstrap.option(new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE, name.length),
                    value);
        } else if (interfaceName != null) {
            LOG.warn("Native epoll transport unavailable ({}): the DHCP socket listens on all interfaces, not only {}",
                    Epoll.unavailabilityCause(), interfaceName);
        }
        try {
            channel = bootstrap.bind(new InetSocketAddress(port)).sync().channel();
        } catch (Exception e) { // Netty rethrows the native bind error, a checked IOException, from sync()
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot listen on UDP port " + port
                    + (interfaceName == null ? "" : " on " + interfaceName) + ": " + e.getMessage()
                    + (port < 1024 ? " (ports below 1024 need root or CAP_NET_BIND_SERVICE;"
                    + " is another DHCP server running?)" : ""), e);
        }
        channel.eventLoop().scheduleAtFixedRate(this::sweep, SWEEP_INTERVAL.toMillis(),
                SWEEP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("DHCP server listening on UDP port {}{} ({} transport)", port,
                interfaceName == null ? "" : " on " + interfaceName, epoll ? "epoll" : "nio");
    }

    private void sweep() {
        engine.table().sweep(clock.instant());
        engine.table().usage().forEach((name, used) -> {
            if (used[1] > 0 && used[0] * 10L >= used[1] * 9L) {
                LOG.warn("DHCP pool {} is {}% used ({} of {} addresses)", name.isEmpty() ? "dhcp.pool" : name,
                        used[0] * 100L / used[1], used[0], used[1]);
            }
        });
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        LOG.info("DHCP server stopped: {}", counters.snapshot());
    }
}
