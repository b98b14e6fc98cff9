package org.ztpbox.dhcp.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the DHCP listener has seen and done, for logs, status and tests. Thread-safe. */
public final class DhcpCounters {

    final LongAdder received = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder silent = new LongAdder();
    final LongAdder offers = new LongAdder();
    final LongAdder acks = new LongAdder();
    final LongAdder naks = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder storeFailures = new LongAdder();
    final LongAdder poolExhausted = new LongAdder();

    public long malformed() {
        return malformed.sum();
    }

    public long received() {
        return received.sum();
    }

    public long acks() {
        return acks.sum();
    }

    public long rateLimited() {
        return rateLimited.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("received", received.sum());
        out.put("malformed", malformed.sum());
        out.put("rate-limited", rateLimited.sum());
        out.put("unanswered", silent.sum());
        out.put("offers", offers.sum());
        out.put("acks", acks.sum());
        out.put("naks", naks.sum());
        out.put("send-failures", sendFailures.sum());
        out.put("store-failures", storeFailures.sum());
        out.put("pool-exhausted", poolExhausted.sum());
        return out;
    }
}
