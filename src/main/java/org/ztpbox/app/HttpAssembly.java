package org.ztpbox.app;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ztpbox.config.ConfigException;
import org.ztpbox.config.HttpTlsConfig;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.UploadArea;
import org.ztpbox.crypto.ApplianceCertificates;
import org.ztpbox.crypto.CertificateIssuer;
import org.ztpbox.crypto.CertifiedKey;
import org.ztpbox.crypto.Pem;
import org.ztpbox.crypto.PolycomDeviceCertificates;
import org.ztpbox.http.server.HttpServer;
import org.ztpbox.http.server.HttpServerFactory;
import org.ztpbox.http.server.TlsSettings;

/**
 * Wires the HTTP side: the HTTPS key and certificates come from {@code crypto} (the appliance's own
 * CA under {@code <state-dir>/tls}, or the admin's files), the listeners from {@code http}.
 */
public final class HttpAssembly {

    private HttpAssembly() {
    }

    public static HttpServer create(ZtpboxConfig config, Ipv4Address address, String provisioningUrl, FileCatalog catalog,
                             UploadArea uploads, EventSink events, Clock clock) {
        try {
            TlsSettings tls = config.http().httpsPort() == 0 ? null
                    : tls(config.http().tls(), config.stateDir(), serverNames(address, provisioningUrl,
                    config.dhcp().domain(), config.http().tls().names()), clock);
            return HttpServerFactory.create(config.http(), provisioningUrl, catalog, uploads, events,
                    config.stateDir(), tls, new PolycomDeviceCertificates(), clock);
        } catch (IOException e) {
            throw new ConfigException("http", List.of(new ConfigException.ConfigProblem("http", 0, e.getMessage())));
        }
    }

    static TlsSettings tls(HttpTlsConfig t, Path stateDir, List<String> names, Clock clock) throws IOException {
        CertifiedKey server = t.cert() != null ? ApplianceCertificates.adminSupplied(t.cert(), t.key())
                : new ApplianceCertificates(stateDir.resolve("tls"), new CertificateIssuer(clock, new SecureRandom()),
                clock).loadOrCreate(names);
        List<X509Certificate> clientCas = t.clientCa() == null ? List.of() : Pem.readCertificates(t.clientCa());
        return new TlsSettings(server.key(), server.chain(), t.protocols(), clientCas, t.requireClientCert(),
                t.acceptExpiredClientCerts());
    }

    /**
     * The names phones may reach the appliance by, for the generated certificate's subjectAltName:
     * its address, the host of the provisioning URL (what the phone checks), the machine's host
     * name (and with the DHCP domain), and the admin's extra names.
     */
    static List<String> serverNames(Ipv4Address address, String provisioningUrl, String domain, List<String> extra) {
        Set<String> names = new LinkedHashSet<>();
        names.add(address.toString());
        String urlHost = URI.create(provisioningUrl).getHost();
        if (urlHost != null) {
            names.add(urlHost);
        }
        String host = hostName();
        if (host != null) {
            names.add(host);
            if (domain != null && !domain.isBlank() && !host.contains(".")) {
                names.add(host + "." + domain);
            }
        }
        names.addAll(extra);
        return List.copyOf(names);
    }

    private static String hostName() {
        try {
            // Read, not resolved: InetAddress.getLocalHost() may wait on DNS that a fresh appliance does not have.
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).strip();
            return name.isEmpty() || name.equals("localhost") ? null : name;
        } catch (IOException e) {
            return null;
        }
    }
}
