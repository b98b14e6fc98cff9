package org.ztpbox.http.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the HTTP listeners have seen and done, for logs, status and tests. Thread-safe. */
public final class HttpCounters {

    final LongAdder connections = new LongAdder();
    final LongAdder refusedConnections = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder served = new LongAdder();
    final LongAdder notModified = new LongAdder();
    final LongAdder partial = new LongAdder();
    final LongAdder notFound = new LongAdder();
    final LongAdder unauthorized = new LongAdder();
    final LongAdder forbidden = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder uploads = new LongAdder();
    final LongAdder uploadsRefused = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder tlsFailures = new LongAdder();
    final LongAdder bytesSent = new LongAdder();

    public long requests() {
        return requests.sum();
    }

    public long malformed() {
        return malformed.sum();
    }

    public long timeouts() {
        return timeouts.sum();
    }

    public long refusedConnections() {
        return refusedConnections.sum();
    }

    void count(int status) {
        switch (status) {
            case 200 -> served.increment();
            case 206 -> partial.increment();
            case 304 -> notModified.increment();
            case 401 -> unauthorized.increment();
            case 403 -> forbidden.increment();
            case 404 -> notFound.increment();
            default -> {
                // the other statuses are rare and show in the access log
            }
        }
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("connections", connections.sum());
        out.put("refused-connections", refusedConnections.sum());
        out.put("requests", requests.sum());
        out.put("served", served.sum());
        out.put("partial", partial.sum());
        out.put("not-modified", notModified.sum());
        out.put("not-found", notFound.sum());
        out.put("unauthorized", unauthorized.sum());
        out.put("forbidden", forbidden.sum());
        out.put("malformed", malformed.sum());
        out.put("uploads", uploads.sum());
        out.put("uploads-refused", uploadsRefused.sum());
        out.put("timeouts", timeouts.sum());
        out.put("tls-failures", tlsFailures.sum());
        out.put("bytes-sent", bytesSent.sum());
        return out;
    }
}
