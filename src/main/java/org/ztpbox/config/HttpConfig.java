package org.ztpbox.config;

import java.nio.file.Path;
import java.time.Duration;
import org.ztpbox.core.Ipv4Address;

/**
 * HTTP and HTTPS provisioning listener settings (the {@code http} section; documented in
 * {@code conf/ztpbox.yaml}).
 *
 * @param httpsPort      0 when HTTPS is off
 * @param listen         the address both listeners bind; null for all
 * @param maxUpload      the largest upload (PUT body) accepted, in bytes; larger ones get 413
 * @param idleTimeout    a connection with no traffic either way for this long is closed
 * @param requestTimeout a request (headers and body) must arrive completely within this time
 * @param maxConnections open connections in total; {@code maxConnectionsPerClient} from one address
 * @param accessLog      the combined-format access log, relative to the state directory unless
 *                       absolute; null when off
 */
public record HttpConfig(boolean enabled, int port, int httpsPort, Ipv4Address listen, long maxUpload,
                         Duration idleTimeout, Duration requestTimeout, int maxConnections,
                         int maxConnectionsPerClient, Path accessLog,
                         FirmwareTrees firmwareTrees, HttpAuthConfig auth, HttpTlsConfig tls) {

    public static final long DEFAULT_MAX_UPLOAD = 16L << 20;

    /** The defaults, on {@code port}. */
    public HttpConfig(int port) {
        this(true, port, 443, null, DEFAULT_MAX_UPLOAD, Duration.ofSeconds(60), Duration.ofSeconds(30), 1000, 100,
                Path.of("log/http-access.log"), FirmwareTrees.NONE, HttpAuthConfig.none(), HttpTlsConfig.defaults());
    }

    /**
     * Where each firmware family's own tree lies under the served root (the carrier guide's two paths:
     * UC 3.x and older, UC 4.x and later); null when the family has none. A file missing from a
     * family's tree is looked up in the root.
     */
    public record FirmwareTrees(String uc3, String uc4) {
        public static final FirmwareTrees NONE = new FirmwareTrees(null, null);
    }
}
