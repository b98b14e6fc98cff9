package org.ztpbox.tftp.server;

import java.util.HashMap;
import java.util.Map;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.transfer.NegotiatedOptions;
import org.ztpbox.tftp.transfer.TransferOutcome;

/**
 * Turns TFTP transfers into {@link PhoneEvent}s: one per request, when it ends or is refused,
 * typed {@code RRQ} or {@code WRQ}, stamped with the request's arrival so that a timeline orders
 * requests as the phone sent them. The MAC is the one the request was attributed to (file name, else client address).
 */
final class TftpEvents {

    static final String SOURCE = "tftp";

    private TftpEvents() {
    }

    static PhoneEvent finished(PendingRequest pending, NegotiatedOptions options, TransferOutcome outcome,
                               long startedNanos, long endedNanos) {
        Map<String, String> d = common(pending);
        d.put("result", outcome.result().label());
        d.put("bytes", Long.toString(outcome.bytes()));
        d.put("duration_ms", Long.toString((endedNanos - startedNanos) / 1_000_000));
        d.put("waited_ms", Long.toString((startedNanos - pending.receivedNanos()) / 1_000_000));
        d.put("blksize", Integer.toString(options.blksize()));
        d.put("windowsize", Integer.toString(options.windowsize()));
        d.put("retransmits", Integer.toString(outcome.retransmits()));
        if (!outcome.detail().isEmpty()) {
            d.put("detail", outcome.detail());
        }
        return new PhoneEvent(pending.receivedAt(), pending.phone(), SOURCE, pending.request().kind(), d);
    }

    /** @param result {@code refused} for a rule, {@code busy} for the concurrency cap */
    static PhoneEvent refused(PendingRequest pending, String result, TftpError error) {
        Map<String, String> d = common(pending);
        d.put("result", result);
        d.put("error", Integer.toString(error.code().code()));
        d.put("detail", error.message());
        return new PhoneEvent(pending.receivedAt(), pending.phone(), SOURCE, pending.request().kind(), d);
    }

    private static Map<String, String> common(PendingRequest pending) {
        Map<String, String> d = new HashMap<>();
        d.put("client", pending.client().getAddress().getHostAddress() + ":" + pending.client().getPort());
        d.put("file", pending.request().filename());
        d.put("mode", pending.request().mode().wireName());
        if (!pending.request().options().isEmpty()) {
            d.put("options", pending.request().options().toString());
        }
        return d;
    }

}
