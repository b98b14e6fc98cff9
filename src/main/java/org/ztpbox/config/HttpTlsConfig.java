package org.ztpbox.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The HTTPS listener's certificate and client-certificate policy (the {@code http.tls} section).
 *
 * @param cert              an admin-supplied PEM chain, leaf first; null: ztpbox's own CA issues one
 * @param key               the admin-supplied PEM private key (unencrypted); null with {@code cert}
 * @param names             extra DNS names or addresses for the generated certificate's subjectAltName
 * @param minVersion        {@code TLSv1.2} or {@code TLSv1.3}
 * @param clientCa          PEM bundle that phones' client certificates must chain to; null: mutual TLS off
 * @param requireClientCert refuse the handshake without a client certificate (else it is only requested)
 * @param acceptExpiredClientCerts accept client certificates that chain to {@code clientCa} but have
 *                          expired (some older Poly phones' factory certificates); off by default
 */
public record HttpTlsConfig(Path cert, Path key, List<String> names, String minVersion, Path clientCa,
                            boolean requireClientCert, boolean acceptExpiredClientCerts) {

    public HttpTlsConfig {
        names = List.copyOf(names);
    }

    public static HttpTlsConfig defaults() {
        return new HttpTlsConfig(null, null, List.of(), "TLSv1.2", null, false, false);
    }

    /** The protocol versions the listener enables: the minimum and everything newer. */
    public List<String> protocols() {
        return minVersion.equals("TLSv1.3") ? List.of("TLSv1.3") : List.of("TLSv1.3", "TLSv1.2");
    }
}
