package org.ztpbox.http.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.config.HttpConfig;
import org.ztpbox.core.DeviceCertificates;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.UploadArea;
import org.ztpbox.http.AccessLog;
import org.ztpbox.http.AccessLogFormat;
import org.ztpbox.http.HttpEvents;
import org.ztpbox.http.routes.ProvisioningRoutes;

/**
 * The HTTP and HTTPS provisioning listeners: one event-loop group (one thread per core) for both,
 * an executor for disk writes (uploads) and one for TLS handshake work, so that the event loops
 * only move bytes. IPv4 only, like the rest of the appliance.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final HttpConfig config;
    private final ProvisioningRoutes routes;
    private final UploadArea uploads;
    private final EventSink events;
    private final AccessLog accessLog;
    private final TlsSettings tls;
    private final DeviceCertificates deviceCertificates;
    private final Clock clock;
    private final HttpCounters counters = new HttpCounters();
    private EventLoopGroup group;
    private ExecutorService io;
    private ExecutorService tlsTasks;
    private final Set<BigInteger> expiredAccepted = ConcurrentHashMap.newKeySet();
    private Channel plain;
    private Channel secure;

    /**
     * @param accessLog          null for none; the server closes it when it stops
     * @param tls                null: no HTTPS listener
     * @param deviceCertificates reads phones' client certificates; used only with mutual TLS
     */
    public HttpServer(HttpConfig config, ProvisioningRoutes routes, UploadArea uploads, EventSink events,
                      AccessLog accessLog, TlsSettings tls, DeviceCertificates deviceCertificates, Clock clock) {
        this.config = config;
        this.routes = routes;
        this.uploads = uploads;
        this.events = events;
        this.accessLog = accessLog;
        this.tls = tls;
        this.deviceCertificates = deviceCertificates;
        this.clock = clock;
    }

    public HttpCounters counters() {
        return counters;
    }

    /** Binds the listeners; throws with a plain explanation when a port is taken or not permitted. */
    public void start() throws SSLException {
        boolean epoll = Epoll.isAvailable();
        int threads = Runtime.getRuntime().availableProcessors();
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("http"),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        io = Executors.newFixedThreadPool(2, new DefaultThreadFactory("http-io", true));
        tlsTasks = Executors.newFixedThreadPool(Math.max(2, threads), new DefaultThreadFactory("http-tls", true));
        RequestReporter reporter = new RequestReporter(counters, events, accessLog,
                new AccessLogFormat(ZoneId.systemDefault()), clock);
        ProvisioningContext context = new ProvisioningContext(routes, uploads, config.maxUpload(), io,
                new ResponseWriter(clock), reporter, tls != null && tls.mutual() ? deviceCertificates : null, clock);
        ConnectionLimiter limiter = new ConnectionLimiter(config.maxConnections(), config.maxConnectionsPerClient(),
                counters);
        Class<? extends ServerSocketChannel> channel = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        long idle = config.idleTimeout().toMillis();
        long request = config.requestTimeout().toMillis();
        plain = bind(channel, config.port(),
                new HttpChannelInitializer(context, limiter, null, tlsTasks, idle, request));
        if (tls != null) {
            SslContext ssl = tls.newContext(this::expiredCertificateAccepted);
            secure = bind(channel, config.httpsPort(), new HttpChannelInitializer(context, limiter, ssl, tlsTasks, idle,
                    request));
        }
        LOG.info("HTTP server listening on TCP port {}{}{} ({} transport, serving {})", port(),
                secure == null ? "" : ", HTTPS on " + httpsPort() + (tls.mutual() ? " with client certificates" : ""),
                config.listen() == null ? "" : " on " + config.listen(), epoll ? "epoll" : "nio", routes.prefix());
    }

    private Channel bind(Class<? extends ServerSocketChannel> channel, int port, HttpChannelInitializer initializer) {
        String address = config.listen() == null ? "0.0.0.0" : config.listen().toString();
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(channel)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer);
        try {
            return bootstrap.bind(new InetSocketAddress(address, port)).sync().channel();
        } catch (Exception e) { // Netty rethrows the native bind error, a checked IOException, from sync()
            close();
            throw new IllegalStateException("cannot listen on TCP " + address + ":" + port + ": " + e.getMessage()
                    + (port < 1024 ? " (ports below 1024 need root or CAP_NET_BIND_SERVICE; is a web server running?)"
                    : ""), e);
        }
    }

    /** Reported once per certificate: a phone reconnects many times, and the admin needs to hear it once. */
    private void expiredCertificateAccepted(X509Certificate leaf) {
        if (expiredAccepted.size() < 10_000 && expiredAccepted.add(leaf.getSerialNumber())) {
            LOG.warn("Accepted the expired client certificate {} (expired {}) under"
                    + " http.tls.accept-expired-client-certs", leaf.getSubjectX500Principal(), leaf.getNotAfter());
            events.record(new PhoneEvent(clock.instant(), null, HttpEvents.SOURCE, "TLS_EXPIRED_ACCEPTED",
                    Map.of("subject", leaf.getSubjectX500Principal().getName(),
                            "not_after", leaf.getNotAfter().toInstant().toString())));
        }
    }

    /** The bound plain-HTTP port (differs from the configured one only when that was 0). */
    public int port() {
        return ((InetSocketAddress) plain.localAddress()).getPort();
    }

    /** The bound HTTPS port, or 0 without HTTPS. */
    public int httpsPort() {
        return secure == null ? 0 : ((InetSocketAddress) secure.localAddress()).getPort();
    }

    @Override
    public void close() {
        for (Channel listener : new Channel[] {plain, secure}) {
            if (listener != null) {
                listener.close().syncUninterruptibly();
            }
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        for (ExecutorService executor : new ExecutorService[] {io, tlsTasks}) {
            if (executor != null) {
                executor.shutdown();
                try {
                    executor.awaitTermination(5, TimeUnit.SECONDS); // lets a started upload commit or clean up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (accessLog != null) {
            accessLog.close();
        }
        LOG.info("HTTP server stopped: {}", counters.snapshot());
    }
}
