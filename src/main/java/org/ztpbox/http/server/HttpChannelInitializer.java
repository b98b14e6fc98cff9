package org.ztpbox.http.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.ztpbox.core.Transport;

/**
 * The pipeline of one connection: connection caps, TLS (HTTPS only), HTTP/1.1 codec with bounded
 * request line and headers, an idle timeout that counts output progress (a slow firmware download
 * is not idle), the per-request deadline, and the request handler.
 */
final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Request line and header limits: Poly requests are short; these leave room for long Digest headers. */
    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_CHUNK = 64 * 1024;

    private final ProvisioningContext context;
    private final ConnectionLimiter limiter;
    private final SslContext ssl;
    private final Executor tlsTasks;
    private final long idleMillis;
    private final long requestMillis;

    /** @param ssl null for plain HTTP */
    HttpChannelInitializer(ProvisioningContext context, ConnectionLimiter limiter, SslContext ssl, Executor tlsTasks,
                           long idleMillis, long requestMillis) {
        this.context = context;
        this.limiter = limiter;
        this.ssl = ssl;
        this.tlsTasks = tlsTasks;
        this.idleMillis = idleMillis;
        this.requestMillis = requestMillis;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast("limits", limiter);
        p.addLast("idle", new IdleTimeoutHandler(idleMillis));
        if (ssl != null) {
            // Handshake computations (RSA signatures, certificate path checks) run off the event loop.
            SslHandler handler = ssl.newHandler(ch.alloc(), tlsTasks);
            handler.setHandshakeTimeout(requestMillis, TimeUnit.MILLISECONDS);
            p.addLast("tls", handler);
        }
        RequestDeadlineHandler deadline = new RequestDeadlineHandler(requestMillis, context.counters());
        p.addLast("deadline", deadline);
        p.addLast("codec", new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_INITIAL_LINE)
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                .setMaxChunkSize(MAX_CHUNK)));
        if (ssl != null) {
            p.addLast("chunked", new ChunkedWriteHandler());
        }
        p.addLast("provisioning", new ProvisioningHandler(context, ssl == null ? Transport.HTTP : Transport.HTTPS,
                deadline));
    }
}
