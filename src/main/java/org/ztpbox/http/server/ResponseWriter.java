package org.ztpbox.http.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.util.AsciiString;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.ztpbox.http.routes.HttpDates;
import org.ztpbox.http.routes.RouteDecision;

/**
 * Writes responses. Small files (configuration, up to {@value #INLINE_LIMIT} bytes) go out with
 * their headers in one flush, from a {@link SmallFileCache} checked against the ETag of each
 * request's fresh lookup; large ones (firmware) with zero-copy
 * {@code sendfile} over plain HTTP, or in 64 KiB chunks through TLS, so that neither a big file
 * nor many of them ever sit in memory.
 */
final class ResponseWriter {

    static final int INLINE_LIMIT = 64 * 1024;
    private static final int TLS_CHUNK = 64 * 1024;
    private static final AsciiString SERVER = AsciiString.cached("ztpbox");
    /** The headers of a 200/206 are all ours, made from numbers and constants: no need to re-validate them. */
    private static final HttpHeadersFactory TRUSTED = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private static final long CACHE_BYTES = 32L << 20;

    private final Clock clock;
    private final SmallFileCache cache = new SmallFileCache(INLINE_LIMIT, CACHE_BYTES);
    private volatile CachedDate date = new CachedDate(Long.MIN_VALUE, AsciiString.EMPTY_STRING);

    private record CachedDate(long second, AsciiString text) {
    }

    ResponseWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Sends (part of) a catalog entry. Returns the future of the last write, or null when the
     * response went out in one write on a connection that stays open: nothing waits for that one,
     * so it gets no promise and no listener (the per-request path of a boot storm).
     */
    ChannelFuture serve(ChannelHandlerContext ctx, RouteDecision.Serve d, HttpVersion version, boolean keepAlive,
                        boolean head, boolean tls) throws IOException {
        HttpResponseStatus status = HttpResponseStatus.valueOf(d.status());
        if (head || d.length() <= INLINE_LIMIT || d.entry().file() == null) {
            ByteBuf body = head ? Unpooled.EMPTY_BUFFER : content(ctx, d);
            FullHttpResponse response = new DefaultFullHttpResponse(version, status, body, TRUSTED, TRUSTED);
            prepare(response, d, keepAlive);
            if (keepAlive) {
                ctx.writeAndFlush(response, ctx.voidPromise());
                return null;
            }
            return ctx.writeAndFlush(response);
        }
        HttpResponse response = new DefaultHttpResponse(version, status, TRUSTED);
        prepare(response, d, keepAlive);
        FileChannel file = FileChannel.open(d.entry().file());
        ctx.write(response);
        if (tls) {
            ctx.write(new ChunkedNioFile(file, d.offset(), d.length(), TLS_CHUNK));
        } else {
            ctx.write(new DefaultFileRegion(file, d.offset(), d.length()));
        }
        return ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    /** A response without content of its own (errors, 304, 100 Continue, upload results). */
    ChannelFuture status(ChannelHandlerContext ctx, HttpVersion version, int code,
                         List<Map.Entry<String, String>> headers, boolean keepAlive, boolean head) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(code);
        boolean bodyless = head || code == 304 || code == 204 || code < 200;
        ByteBuf body = bodyless ? Unpooled.EMPTY_BUFFER
                : Unpooled.copiedBuffer(code + " " + status.reasonPhrase() + "\n", StandardCharsets.US_ASCII);
        FullHttpResponse response = new DefaultFullHttpResponse(version, status, body);
        for (Map.Entry<String, String> header : headers) {
            response.headers().add(header.getKey(), header.getValue());
        }
        if (code >= 200) {
            response.headers().set(HttpHeaderNames.DATE, date());
            response.headers().set(HttpHeaderNames.SERVER, SERVER);
            if (code != 304 && code != 204) {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=us-ascii");
                HttpUtil.setContentLength(response, head ? 0 : body.readableBytes());
            }
            HttpUtil.setKeepAlive(response, keepAlive);
        }
        return ctx.writeAndFlush(response);
    }

    /** The headers of a 200/206, set by name constants: their hashes and encodings are precomputed. */
    private void prepare(HttpResponse response, RouteDecision.Serve d, boolean keepAlive) {
        HttpHeaders h = response.headers();
        h.set(HttpHeaderNames.ETAG, d.etag());
        h.set(HttpHeaderNames.LAST_MODIFIED, d.lastModified());
        h.set(HttpHeaderNames.CONTENT_TYPE, d.contentType());
        h.set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES);
        if (d.contentRange() != null) {
            h.set(HttpHeaderNames.CONTENT_RANGE, d.contentRange());
        }
        h.set(HttpHeaderNames.DATE, date());
        h.set(HttpHeaderNames.SERVER, SERVER);
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, Math.toIntExact(d.length()));
        if (!keepAlive) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (response.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    /** The requested bytes: from the cache for a small file on disk (read and cached on a miss). */
    private ByteBuf content(ChannelHandlerContext ctx, RouteDecision.Serve d) throws IOException {
        java.nio.file.Path file = d.entry().file();
        if (file == null || !cache.fits(d.entry().size())) {
            return read(ctx, d);
        }
        String etag = d.etag();
        byte[] bytes = cache.get(d.entry().name(), file, etag);
        if (bytes == null) {
            bytes = readAll(file, d.entry().size());
            cache.put(d.entry().name(), file, etag, bytes);
        }
        return Unpooled.wrappedBuffer(bytes, (int) d.offset(), (int) d.length());
    }

    private static byte[] readAll(java.nio.file.Path file, long size) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(size));
        try (FileChannel channel = FileChannel.open(file)) {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, bytes.position()) < 0) {
                    throw new EOFException(file + " shrank while being read");
                }
            }
        }
        return bytes.array();
    }

    /**
     * The entry's bytes in one buffer: read straight into a pooled buffer from a file on disk, or
     * through the entry's own channel for generated content (small by nature: configuration).
     */
    private static ByteBuf read(ChannelHandlerContext ctx, RouteDecision.Serve d) throws IOException {
        int length = Math.toIntExact(d.length());
        ByteBuf buffer = ctx.alloc().ioBuffer(length);
        boolean ok = false;
        try {
            if (d.entry().file() != null) {
                try (FileChannel file = FileChannel.open(d.entry().file())) {
                    while (buffer.readableBytes() < length) {
                        int n = buffer.writeBytes(file, d.offset() + buffer.readableBytes(),
                                length - buffer.readableBytes());
                        if (n < 0) {
                            throw new EOFException(d.entry().name() + " shrank while being sent");
                        }
                    }
                }
            } else {
                try (SeekableByteChannel channel = d.entry().open()) {
                    channel.position(d.offset());
                    ByteBuffer chunk = ByteBuffer.allocate(length);
                    while (chunk.hasRemaining()) {
                        if (channel.read(chunk) < 0) {
                            throw new EOFException(d.entry().name() + " shrank while being sent");
                        }
                    }
                    buffer.writeBytes(chunk.flip());
                }
            }
            ok = true;
            return buffer;
        } finally {
            if (!ok) {
                buffer.release();
            }
        }
    }

    /** The Date header (RFC 9110 §6.6.1), formatted once per second. */
    private AsciiString date() {
        long now = clock.millis();
        long second = now / 1000;
        CachedDate d = date;
        if (d.second() != second) {
            d = new CachedDate(second, new AsciiString(HttpDates.format(java.time.Instant.ofEpochSecond(second))));
            date = d;
        }
        return d.text();
    }
}
