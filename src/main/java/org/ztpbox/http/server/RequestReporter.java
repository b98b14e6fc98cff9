package org.ztpbox.http.server;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.Transport;
import org.ztpbox.http.AccessLog;
import org.ztpbox.http.AccessLogFormat;
import org.ztpbox.http.HttpEvents;
import org.ztpbox.http.auth.Identity;
import org.ztpbox.http.routes.RequestFacts;

/**
 * Reports each answered request: counters, the access log, the phone's timeline, and for refusals
 * (403, a wrong password, a refused TLS handshake) a service-log line, at most one a second so a
 * hostile client cannot flood the journal. Thread-safe.
 */
final class RequestReporter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestReporter.class);

    private final HttpCounters counters;
    private final EventSink events;
    private final AccessLog accessLog;
    private final AccessLogFormat logFormat;
    private final Clock clock;
    private final AtomicLong lastRefusalLog = new AtomicLong(Long.MIN_VALUE / 2);

    /** @param accessLog null when the access log is off */
    RequestReporter(HttpCounters counters, EventSink events, AccessLog accessLog, AccessLogFormat logFormat,
                    Clock clock) {
        this.counters = counters;
        this.events = events;
        this.accessLog = accessLog;
        this.logFormat = logFormat;
        this.clock = clock;
    }

    HttpCounters counters() {
        return counters;
    }

    /** @param facts what routing learnt, or null when the request was refused before routing */
    void completed(ReceivedRequest r, Transport transport, RequestFacts facts, int status, long bytes, String note) {
        counters.count(status);
        Identity identity = facts == null ? null : facts.identity();
        if (accessLog != null) {
            accessLog.log(logFormat.combined(r.client(), identity == null ? null : identity.user(), r.at(), r.line(),
                    status, bytes, r.referer(), r.agent()));
        }
        HttpEvents.Outcome outcome = new HttpEvents.Outcome(r.at(), r.client(), transport, r.method(), r.uri(), status,
                bytes, facts == null ? null : facts.agent(), identity, facts == null ? null : facts.phone(),
                facts == null ? null : facts.auth(), note);
        if (HttpEvents.worthRecording(outcome)) {
            events.record(HttpEvents.of(outcome));
        }
        boolean wrongCredentials = status == 401 && identity != null && identity.user() != null;
        if ((status == 403 || wrongCredentials) && mayLogRefusal()) {
            LOG.info("{} {} {} from {} ({}): {}", status, r.method(), r.uri(), r.client(),
                    facts.phone() == null ? "unknown phone" : facts.phone(), note);
        }
        LOG.debug("{} {} from {}: {} {}", r.method(), r.uri(), r.client(), status, note == null ? "" : note);
    }

    /** A TLS handshake that failed: no certificate, an untrusted one, no common protocol. */
    void tlsRefused(String client, String reason) {
        counters.tlsFailures.increment();
        if (mayLogRefusal()) {
            LOG.info("TLS handshake with {} failed: {}", client, reason);
        }
        events.record(new PhoneEvent(clock.instant(), null, HttpEvents.SOURCE, "TLS_REFUSED",
                Map.of("client", client, "reason", reason)));
    }

    private boolean mayLogRefusal() {
        long now = clock.millis();
        long last = lastRefusalLog.get();
        return now - last >= 1000 && lastRefusalLog.compareAndSet(last, now);
    }
}
