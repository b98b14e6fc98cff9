package org.ztpbox.http.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * What the HTTPS listener needs: its key and chain, the protocol versions, and for mutual TLS the
 * CA certificates that phones' client certificates must chain to. JDK types only; the
 * certificates come from the {@code crypto} package through the composition root.
 *
 * @param clientCas         empty: no client certificate is requested
 * @param requireClientCert with client CAs: refuse a handshake without a certificate (else only request one)
 * @param acceptExpiredClientCerts accept a client certificate whose chain is sound but expired
 *                          (old Poly factory certificates), see {@link ClientCertificateTrust}
 */
public record TlsSettings(PrivateKey key, List<X509Certificate> chain, List<String> protocols,
                          List<X509Certificate> clientCas, boolean requireClientCert,
                          boolean acceptExpiredClientCerts) {

    public TlsSettings {
        chain = List.copyOf(chain);
        protocols = List.copyOf(protocols);
        clientCas = List.copyOf(clientCas);
    }

    public boolean mutual() {
        return !clientCas.isEmpty();
    }

    /**
     * The JDK provider's server context (LIBRARIES.md §4: BouncyCastle issues the certificates, the
     * JDK speaks TLS). The client chain is verified by {@link ClientCertificateTrust}.
     */
    SslContext newContext(Consumer<X509Certificate> onExpiredAccepted) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                .sslProvider(SslProvider.JDK)
                .protocols(protocols);
        if (mutual()) {
            builder.trustManager(new ClientCertificateTrust(clientCas, acceptExpiredClientCerts, onExpiredAccepted))
                    .clientAuth(requireClientCert ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "TlsSettings[" + chain.get(0).getSubjectX500Principal() + ", " + protocols + ", client CAs "
                + clientCas.size() + (requireClientCert ? ", required" : "")
                + (acceptExpiredClientCerts ? ", expired accepted" : "") + "]"; // never the key
    }
}
