package org.ztpbox.http.server;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.ztpbox.core.DeviceCertificates;
import org.ztpbox.core.UploadArea;
import org.ztpbox.http.routes.ProvisioningRoutes;

/**
 * What every connection's handler shares: the routes, the upload area, the executor for disk
 * work, the response writer and where requests are reported. Immutable apart from the
 * thread-safe parts.
 *
 * @param deviceCertificates reads client certificates on mutual-TLS connections; null without mutual TLS
 */
record ProvisioningContext(ProvisioningRoutes routes, UploadArea uploads, long maxUpload, Executor io,
                           ResponseWriter writer, RequestReporter reporter, DeviceCertificates deviceCertificates,
                           Clock clock) {

    HttpCounters counters() {
        return reporter.counters();
    }
}
