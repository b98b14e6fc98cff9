package org.ztpbox.http.server;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.ztpbox.core.DeviceCertificates;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.UploadArea;
import org.ztpbox.http.AccessLog;
import org.ztpbox.http.AccessLogFormat;
import org.ztpbox.http.routes.ProvisioningRoutes;

/**
 * What every connection's handler shares: the routes, the upload area, the executor for disk
 * work, and where requests are reported. Immutable apart from the thread-safe parts.
 *
 * @param accessLog          null when the access log is off
 * @param deviceCertificates reads client certificates on mutual-TLS connections; null without mutual TLS
 */
record ProvisioningContext(ProvisioningRoutes routes, UploadArea uploads, long maxUpload, Executor io,
                           HttpCounters counters, EventSink events, AccessLog accessLog, AccessLogFormat logFormat,
                           ResponseWriter writer, DeviceCertificates deviceCertificates, Clock clock,
                           AtomicLong lastRefusalLog) {

    /** True at most once a second: refusals are logged, but a hostile client cannot flood the journal. */
    boolean mayLogRefusal() {
        long now = clock.millis();
        long last = lastRefusalLog.get();
        return now - last >= 1000 && lastRefusalLog.compareAndSet(last, now);
    }
}
