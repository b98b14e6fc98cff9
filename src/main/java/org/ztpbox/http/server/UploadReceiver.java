package org.ztpbox.http.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.ztpbox.core.UploadArea;
import org.ztpbox.core.UploadName;

/**
 * Streams one PUT body into the upload area. Disk writes and the final fsync-and-rename run in
 * order on the server's I/O executor, never on the event loop; reading from the socket pauses
 * while more than {@value #HIGH_WATER} bytes wait for the disk, so a fast sender cannot fill the
 * heap. The result comes back on the event loop.
 */
final class UploadReceiver {

    private static final int HIGH_WATER = 1 << 20;
    private static final int LOW_WATER = 256 << 10;

    /** How an upload ended: {@code status} 201, 204, 413 or 500, with the bytes stored. */
    record Result(int status, long bytes, String note) {
    }

    private final ChannelHandlerContext ctx;
    private final Executor io;
    private final long maxBytes;
    private final Consumer<Result> done;
    private CompletableFuture<State> chain;
    private long received;
    private long pending; // event loop only
    private boolean finished;

    private record State(UploadArea.Upload upload, boolean replacing) {
    }

    UploadReceiver(ChannelHandlerContext ctx, UploadArea area, UploadName name, long maxBytes, Executor io,
                   Consumer<Result> done) {
        this.ctx = ctx;
        this.io = io;
        this.maxBytes = maxBytes;
        this.done = done;
        this.chain = CompletableFuture.supplyAsync(() -> {
            try {
                boolean replacing = area.exists(name);
                return new State(area.begin(name, maxBytes), replacing);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io);
    }

    /** Takes (and releases) one piece of the body. Event loop only. */
    void content(ByteBuf piece) {
        int n = piece.readableBytes();
        if (finished || n == 0) {
            piece.release();
            return;
        }
        received += n;
        if (received > maxBytes) {
            piece.release();
            fail(new Result(413, 0, "upload larger than " + maxBytes + " bytes"));
            return;
        }
        ByteBuffer bytes = ByteBuffer.allocate(n);
        piece.readBytes(bytes);
        piece.release();
        bytes.flip();
        pending += n;
        if (pending > HIGH_WATER) {
            ctx.channel().config().setAutoRead(false);
        }
        chain = chain.thenApplyAsync(state -> {
            try {
                state.upload().write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return state;
        }, io);
        chain.whenComplete((state, error) -> ctx.executor().execute(() -> drained(n)));
    }

    private void drained(int n) {
        pending -= n;
        if (!finished && pending < LOW_WATER && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** The body is complete: commit atomically, then report. Event loop only. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        chain.thenApplyAsync(state -> {
            try (UploadArea.Upload upload = state.upload()) {
                return new Result(state.replacing() ? 204 : 201, upload.commit(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).whenComplete((result, error) -> ctx.executor().execute(() ->
                done.accept(error == null ? result : failure(error))));
    }

    /** The connection went away or the request was refused midway: discard what was written. */
    void abort() {
        finished = true;
        chain.thenAcceptAsync(state -> state.upload().close(), io);
    }

    private void fail(Result result) {
        abort();
        done.accept(result);
    }

    private static Result failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof UncheckedIOException unchecked) {
            cause = unchecked.getCause();
        }
        if (cause instanceof UploadArea.UploadTooLargeException) {
            return new Result(413, 0, cause.getMessage());
        }
        return new Result(500, 0, "upload failed: " + cause);
    }
}
