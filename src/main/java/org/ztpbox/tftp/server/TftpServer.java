package org.ztpbox.tftp.server;

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
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.config.TftpConfig;
import org.ztpbox.core.ClientDirectory;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.UploadArea;
import org.ztpbox.tftp.codec.TftpCodec;
import org.ztpbox.tftp.codec.TftpDatagramDecoder;
import org.ztpbox.tftp.codec.TftpDatagramEncoder;
import org.ztpbox.tftp.transfer.TransferLimits;
import org.ztpbox.tftp.transfer.TransferStarter;

/**
 * The TFTP server (RFC 1350, options of RFC 2347/2348/2349/7440): one request socket on
 * {@code tftp.port}, and a channel on an ephemeral port per transfer, all multiplexed over a few
 * event-loop threads (no thread per transfer). Catalog lookups, file opening and upload commits
 * run on a small executor of its own, never on an event loop.
 */
public final class TftpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TftpServer.class);
    /** A boot storm queues this many requests per transfer slot before refusing at once. */
    private static final int WAITING_PER_SLOT = 4;

    private final TftpConfig config;
    private final InetAddress address;
    private final FileCatalog catalog;
    private final UploadArea uploads;
    private final EventSink events;
    private final ClientDirectory clients;
    private final Clock clock;
    private final int ioThreads;
    private final TftpCounters counters = new TftpCounters();
    private EventLoopGroup group;
    private ExecutorService blocking;
    private Channel listener;

    /**
     * @param address   where to listen; null for every address
     * @param clients   names the phone behind a client address, for requests whose file name holds no MAC
     * @param ioThreads event-loop threads shared by the listener and every transfer
     */
    public TftpServer(TftpConfig config, InetAddress address, FileCatalog catalog, UploadArea uploads,
                      EventSink events, ClientDirectory clients, Clock clock, int ioThreads) {
        this.config = config;
        this.address = address;
        this.catalog = catalog;
        this.uploads = uploads;
        this.events = events;
        this.clients = clients;
        this.clock = clock;
        this.ioThreads = ioThreads;
    }

    public TftpCounters counters() {
        return counters;
    }

    /** The bound port (differs from {@code tftp.port} only when that is 0, in tests). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Binds the request socket; throws with a plain explanation when the port is taken or not permitted. */
    public void start() {
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("tftp"),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        blocking = Executors.newFixedThreadPool(2, new DefaultThreadFactory("tftp-files", true));
        TftpCodec codec = new TftpCodec();
        Bootstrap base = new Bootstrap().group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class);
        TransferLimits limits = new TransferLimits(config.maxBlksize(), config.maxWindowsize(), config.timeout(),
                config.retries(), config.writes(), config.maxUpload());
        TransferLauncher launcher = new TransferLauncher(new TransferStarter(catalog, uploads, limits),
                new TransferChannels(new Bootstrap().group(group).option(ChannelOption.SO_SNDBUF, 1 << 20), epoll),
                blocking, events, counters);
        TransferAdmission<PendingRequest> admission = new TransferAdmission<>(config.maxTransfers(),
                config.maxTransfersPerClient(), config.maxTransfers() * WAITING_PER_SLOT);
        TftpRequestHandler requests = new TftpRequestHandler(admission, launcher, events, clients, counters,
                config.queueWait(), clock);
        try {
            // A boot storm sends hundreds of requests at once: a large receive buffer keeps them.
            listener = base.clone().option(ChannelOption.SO_RCVBUF, 4 << 20)
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new TftpDatagramDecoder(codec), new TftpDatagramEncoder(codec),
                                    requests);
                        }
                    })
                    .bind(address == null ? new InetSocketAddress(config.port()) : new InetSocketAddress(address,
                            config.port())).sync().channel();
        } catch (Exception e) { // Netty rethrows the native bind error, a checked IOException, from sync()
            close();
            throw new IllegalStateException("cannot listen on UDP port " + config.port() + ": " + e.getMessage()
                    + (config.port() < 1024 ? " (ports below 1024 need root or CAP_NET_BIND_SERVICE;"
                    + " is another TFTP server running?)" : ""), e);
        }
        LOG.info("TFTP server listening on UDP port {} ({} transport; at most {} transfers, {} per client;"
                        + " uploads {})", port(), epoll ? "epoll" : "nio", config.maxTransfers(),
                config.maxTransfersPerClient(), config.writes() ? "accepted" : "refused");
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (blocking != null) {
            blocking.shutdownNow();
        }
        LOG.info("TFTP server stopped: {}", counters.snapshot());
    }
}
