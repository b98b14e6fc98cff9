package org.ztpbox.http.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.DeviceCertificates;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Transport;
import org.ztpbox.http.routes.Exchange;
import org.ztpbox.http.routes.RequestFacts;
import org.ztpbox.http.routes.RouteDecision;

/**
 * One connection's requests, in order: decode errors become 400/414/431 and close the connection;
 * each request is routed ({@link org.ztpbox.http.routes.ProvisioningRoutes}) and answered; uploads
 * stream to disk off the event loop, and requests pipelined behind an upload wait for its answer.
 * Every answer goes to the access log, and to the phone's timeline when it concerns a phone.
 */
final class ProvisioningHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningHandler.class);
    private static final Map<String, AsciiString> ROUTED_HEADERS = Map.of(
            "User-Agent", HttpHeaderNames.USER_AGENT, "Authorization", HttpHeaderNames.AUTHORIZATION,
            "If-Match", HttpHeaderNames.IF_MATCH, "If-None-Match", HttpHeaderNames.IF_NONE_MATCH,
            "If-Modified-Since", HttpHeaderNames.IF_MODIFIED_SINCE,
            "If-Unmodified-Since", HttpHeaderNames.IF_UNMODIFIED_SINCE,
            "If-Range", HttpHeaderNames.IF_RANGE, "Range", HttpHeaderNames.RANGE);

    private final ProvisioningContext server;
    private final Transport transport;
    private final RequestDeadlineHandler deadline;
    private final ArrayDeque<Object> deferred = new ArrayDeque<>();
    private DeviceCertificates.Identification certificate;
    private boolean certificateRead;
    private UploadReceiver upload;
    private boolean uploadFinishing;
    private boolean closing;
    private String client; // per connection: formatted once, not per request
    private Ipv4Address clientAddress;

    ProvisioningHandler(ProvisioningContext server, Transport transport, RequestDeadlineHandler deadline) {
        this.server = server;
        this.transport = transport;
        this.deadline = deadline;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (uploadFinishing || !deferred.isEmpty()) {
            deferred.add(msg); // keeps answers in request order behind an upload being committed
            return;
        }
        handle(ctx, msg);
    }

    private void handle(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            onRequest(ctx, request);
        }
        if (msg instanceof HttpContent content) {
            boolean last = msg instanceof LastHttpContent;
            if (upload != null) {
                upload.content(content.content());
            } else {
                content.release();
            }
            if (last) {
                deadline.requestReceived();
                if (upload != null) {
                    uploadFinishing = true;
                    ctx.channel().config().setAutoRead(false);
                    upload.finish();
                }
            }
        } else if (!(msg instanceof HttpRequest)) {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onRequest(ChannelHandlerContext ctx, HttpRequest request) {
        if (closing) {
            return;
        }
        server.counters().requests.increment();
        if (client == null) {
            client = clientAddress(ctx);
            clientAddress = ipv4(client);
        }
        ReceivedRequest r = new ReceivedRequest(server.clock().instant(), client, request.protocolVersion(),
                request.method().name(), request.uri(), request.headers().get(HttpHeaderNames.USER_AGENT),
                request.headers().get(HttpHeaderNames.REFERER), HttpUtil.isKeepAlive(request));
        String malformed = malformed(request);
        if (malformed != null) {
            server.counters().malformed.increment();
            Throwable cause = request.decoderResult().cause();
            int status = cause instanceof TooLongHttpLineException ? 414
                    : cause instanceof TooLongHttpHeaderException ? 431
                    : request.protocolVersion().majorVersion() != 1 ? 505 : 400;
            closing = true;
            respond(ctx, r, null, status, List.of(), false, malformed);
            return;
        }
        boolean hasBody = HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
        if (hasBody && (r.method().equals("GET") || r.head())) {
            closing = true;
            respond(ctx, r, null, 400, List.of(), false, "request body on " + r.method());
            return;
        }
        HttpHeaders headers = request.headers();
        Exchange exchange = new Exchange(r.method(), r.uri(), name -> headers.get(headerName(name)), clientAddress,
                transport, certificate(ctx));
        RouteDecision decision;
        try {
            decision = server.routes().route(exchange);
        } catch (RuntimeException e) {
            LOG.warn("Routing {} {} from {} failed", r.method(), r.uri(), r.client(), e);
            closing = true;
            respond(ctx, r, null, 500, List.of(), false, e.toString());
            return;
        }
        if (decision instanceof RouteDecision.Serve serve) {
            serve(ctx, r, serve);
        } else if (decision instanceof RouteDecision.Refuse refuse) {
            boolean keepAlive = r.keepAlive() && !hasBody; // an unread body would be parsed as the next request
            respond(ctx, r, refuse.facts(), refuse.status(), refuse.headers(), keepAlive, refuse.reason());
        } else {
            startUpload(ctx, r, request, (RouteDecision.Upload) decision);
        }
    }

    /** Netty's constant for a header the routes read: its hash is cached, a String's would be recomputed. */
    private static CharSequence headerName(String name) {
        AsciiString known = ROUTED_HEADERS.get(name);
        return known != null ? known : name;
    }

    /** Why the request cannot be read, or null when it can. */
    private static String malformed(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return "malformed request: " + request.decoderResult().cause().getMessage();
        }
        if (request.protocolVersion().majorVersion() != 1) {
            return "unsupported version " + request.protocolVersion();
        }
        if (request.protocolVersion().minorVersion() == 1 && !request.headers().contains(HttpHeaderNames.HOST)) {
            return "HTTP/1.1 request without Host"; // RFC 9112 §3.2: must be answered with 400
        }
        return null;
    }

    private void serve(ChannelHandlerContext ctx, ReceivedRequest r, RouteDecision.Serve d) {
        boolean head = r.head();
        ChannelFuture written;
        try {
            written = server.writer().serve(ctx, d, r.version(), r.keepAlive(), head, transport == Transport.HTTPS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot send {} to {}: {}", d.entry().name(), r.client(), e.toString());
            closing = true;
            respond(ctx, r, d.facts(), 500, List.of(), false, e.toString());
            return;
        }
        long bytes = head ? 0 : d.length();
        if (written == null) {
            // Handed to the socket in one write (small file, keep-alive): count and log it now.
            server.counters().bytesSent.add(bytes);
            server.reporter().completed(r, transport, d.facts(), d.status(), bytes, null);
            return;
        }
        written.addListener(f -> {
            if (f.isSuccess()) {
                server.counters().bytesSent.add(bytes);
            }
            server.reporter().completed(r, transport, d.facts(), d.status(), f.isSuccess() ? bytes : 0,
                    f.isSuccess() ? null : "client went away");
        });
        afterResponse(ctx, written, r.keepAlive());
    }

    private void startUpload(ChannelHandlerContext ctx, ReceivedRequest r, HttpRequest request,
                             RouteDecision.Upload d) {
        long declared = HttpUtil.getContentLength(request, -1L);
        String expect = request.headers().get(HttpHeaderNames.EXPECT);
        if (declared > server.maxUpload()) {
            server.counters().uploadsRefused.increment();
            closing = true;
            respond(ctx, r, d.facts(), 413, List.of(), false, "declared " + declared + " bytes, cap "
                    + server.maxUpload());
            return;
        }
        if (expect != null && !HttpUtil.is100ContinueExpected(request)) {
            closing = true;
            respond(ctx, r, d.facts(), 417, List.of(), false, "unsupported expectation " + expect);
            return;
        }
        upload = new UploadReceiver(ctx, server.uploads(), d.name(), server.maxUpload(), server.io(),
                result -> uploadDone(ctx, r, d, result));
        if (expect != null) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(r.version(), HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
    }

    private void uploadDone(ChannelHandlerContext ctx, ReceivedRequest r, RouteDecision.Upload d,
                            UploadReceiver.Result result) {
        boolean stored = result.status() < 300;
        (stored ? server.counters().uploads : server.counters().uploadsRefused).increment();
        upload = null;
        uploadFinishing = false;
        boolean keepAlive = stored && r.keepAlive() && !closing;
        if (!keepAlive) {
            closing = true;
        }
        String note = stored ? "stored " + result.bytes() + " bytes as " + d.name().fileName() : result.note();
        respond(ctx, r, d.facts(), result.status(), List.of(), keepAlive, note);
        if (keepAlive) {
            ctx.channel().config().setAutoRead(true);
            while (!deferred.isEmpty() && !uploadFinishing) {
                handle(ctx, deferred.poll());
            }
        }
    }

    private void respond(ChannelHandlerContext ctx, ReceivedRequest r, RequestFacts facts, int status,
                         List<Map.Entry<String, String>> headers, boolean keepAlive, String note) {
        ChannelFuture written = server.writer().status(ctx, r.version(), status, headers, keepAlive,
                r.head());
        server.reporter().completed(r, transport, facts, status, 0, note);
        afterResponse(ctx, written, keepAlive);
    }

    private void afterResponse(ChannelHandlerContext ctx, ChannelFuture written, boolean keepAlive) {
        if (!keepAlive) {
            closing = true;
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The client certificate's verdict on a mutual-TLS connection, read once per connection. */
    private DeviceCertificates.Identification certificate(ChannelHandlerContext ctx) {
        if (!certificateRead && server.deviceCertificates() != null) {
            certificateRead = true;
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            try {
                Certificate[] peer = ssl.engine().getSession().getPeerCertificates();
                certificate = server.deviceCertificates().identify((X509Certificate) peer[0]);
            } catch (SSLPeerUnverifiedException e) {
                certificate = null; // no certificate offered (allowed when not required)
            }
        }
        return certificate;
    }

    private static Ipv4Address ipv4(String client) {
        try {
            return Ipv4Address.parse(client);
        } catch (IllegalArgumentException e) {
            return Ipv4Address.ANY; // the listeners bind IPv4 only; this is for a future IPv6 listener
        }
    }

    private static String clientAddress(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() : "0.0.0.0";
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            server.reporter().tlsRefused(clientAddress(ctx), String.valueOf(handshake.cause().getMessage()));
            ctx.close();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (upload != null) {
            upload.abort();
            upload = null;
        }
        deferred.forEach(ReferenceCountUtil::release);
        deferred.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets, TLS alerts and the like: the connection is over, the server is not.
        LOG.debug("Connection from {} failed: {}", clientAddress(ctx), cause.toString());
        ctx.close();
    }
}
