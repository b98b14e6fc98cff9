package org.ztpbox.tftp.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.ClientDirectory;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpPacket;
import org.ztpbox.tftp.TftpRequest;
import org.ztpbox.tftp.codec.InboundTftp;
import org.ztpbox.tftp.codec.TftpDecodeResult;

/**
 * The request socket's handler (port 69): decode, drop repeated requests, admit under the caps,
 * launch. A request beyond the caps waits up to {@code queueWait} for a slot and is then refused
 * with an ERROR, so the phone retries later instead of timing out half-way through a transfer.
 * Nothing a client sends closes this channel. Runs on one event loop, which owns the admission.
 */
final class TftpRequestHandler extends SimpleChannelInboundHandler<InboundTftp> {

    private static final Logger LOG = LoggerFactory.getLogger(TftpRequestHandler.class);
    private static final long WARN_INTERVAL_NANOS = 60_000_000_000L;
    static final TftpError BUSY = TftpError.of(TftpErrorCode.NOT_DEFINED, "server busy, try again later");

    private final TransferAdmission<PendingRequest> admission;
    private final TransferLauncher launcher;
    private final EventSink events;
    private final ClientDirectory clients;
    private final TftpCounters counters;
    private final Duration queueWait;
    private final Clock clock;
    /** Client transfer IDs with a request waiting or running: a repeat of their RRQ/WRQ is a retransmission. */
    private final Set<InetSocketAddress> inProgress = new HashSet<>();
    private long lastMalformedWarn = Long.MIN_VALUE / 2;

    TftpRequestHandler(TransferAdmission<PendingRequest> admission, TransferLauncher launcher, EventSink events,
                       ClientDirectory clients, TftpCounters counters, Duration queueWait, Clock clock) {
        super(InboundTftp.class);
        this.admission = admission;
        this.launcher = launcher;
        this.events = events;
        this.clients = clients;
        this.counters = counters;
        this.queueWait = queueWait;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundTftp in) {
        if (in.result() instanceof TftpDecodeResult.Malformed malformed) {
            counters.malformed.increment();
            warnMalformed(in.sender(), malformed.reason());
            if (malformed.opcode() == TftpPacket.RRQ || malformed.opcode() == TftpPacket.WRQ) {
                TransferLauncher.sendError(ctx.channel(), TftpError.of(TftpErrorCode.ILLEGAL_OPERATION,
                        "malformed request: " + malformed.reason()), in.sender());
            }
            return;
        }
        TftpPacket packet = ((TftpDecodeResult.Decoded) in.result()).packet();
        if (!(packet instanceof TftpRequest request)) {
            counters.unknownTransferIds.increment();
            if (!(packet instanceof TftpError)) { // never answer an ERROR with an ERROR
                TransferLauncher.sendError(ctx.channel(), TftpError.of(TftpErrorCode.UNKNOWN_TRANSFER_ID,
                        "this port takes only RRQ and WRQ"), in.sender());
            }
            return;
        }
        counters.requests.increment();
        if (!inProgress.add(in.sender())) {
            counters.duplicateRequests.increment();
            return;
        }
        PendingRequest pending = new PendingRequest(request, in.sender(), phoneOf(request, in.sender()),
                clock.instant(), System.nanoTime());
        switch (admission.offer(in.sender().getAddress(), pending)) {
            case STARTED -> launch(ctx, pending);
            case WAITING -> {
                counters.queued.increment();
                ctx.executor().schedule(() -> expire(ctx, pending), queueWait.toNanos(), TimeUnit.NANOSECONDS);
            }
            case REFUSED -> busy(ctx, pending);
        }
    }

    /**
     * Who is asking: the MAC that the DHCP traffic or the neighbour table gives for the client's
     * address, and only when neither knows the address, the MAC in the file name. TFTP has no
     * authentication, so the address is the best identity there is: taking the name first would
     * let any host read or replace another phone's files just by naming them.
     */
    private MacAddress phoneOf(TftpRequest request, InetSocketAddress sender) {
        if (sender.getAddress() instanceof Inet4Address v4) {
            Optional<MacAddress> byAddress = clients.macOf(Ipv4Address.fromBytes(v4.getAddress(), 0));
            if (byAddress.isPresent()) {
                return byAddress.get();
            }
        }
        return request.phoneMac().orElse(null);
    }

    private void launch(ChannelHandlerContext ctx, PendingRequest pending) {
        launcher.launch(pending, ctx.channel(), finished -> {
            inProgress.remove(finished.client());
            for (PendingRequest next : admission.release(finished.client().getAddress())) {
                launch(ctx, next);
            }
        });
    }

    private void expire(ChannelHandlerContext ctx, PendingRequest pending) {
        if (admission.withdraw(pending.client().getAddress(), pending)) {
            busy(ctx, pending);
        }
    }

    private void busy(ChannelHandlerContext ctx, PendingRequest pending) {
        counters.busy.increment();
        inProgress.remove(pending.client());
        TransferLauncher.sendError(ctx.channel(), BUSY, pending.client());
        events.record(TftpEvents.refused(pending, "busy", BUSY));
        LOG.debug("{} {} from {}: no transfer slot within {} ms", pending.request().kind(),
                pending.request().filename(), pending.client(), queueWait.toMillis());
    }

    private void warnMalformed(InetSocketAddress sender, String reason) {
        long now = System.nanoTime();
        if (now - lastMalformedWarn > WARN_INTERVAL_NANOS) {
            lastMalformedWarn = now;
            LOG.warn("Malformed TFTP packet from {}: {} ({} malformed so far; next warning in a minute)", sender,
                    reason, counters.malformed());
        } else {
            LOG.debug("Malformed TFTP packet from {}: {}", sender, reason);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP server keeps serving whatever one packet did.
        counters.malformed.increment();
        LOG.warn("TFTP listener error (the listener carries on): {}", cause.toString(), cause);
    }
}
