package org.ztpbox.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS listener's key and certificate. Either the admin supplies them, or ztpbox keeps its
 * own small CA under {@code <state-dir>/tls}: created on first start, kept across restarts (phones
 * are told to trust it once, through {@code device.sec.TLS.customCaCert1}), and used to re-issue
 * the server certificate whenever the appliance's names change or it nears expiry. Private keys are
 * mode 0600 in a 0700 directory.
 */
public final class ApplianceCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(ApplianceCertificates.class);
    private static final Duration CA_VALIDITY = Duration.ofDays(20 * 365);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(825);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final Path dir;
    private final CertificateIssuer issuer;
    private final Clock clock;

    public ApplianceCertificates(Path tlsDir, CertificateIssuer issuer, Clock clock) {
        this.dir = tlsDir;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The appliance CA certificate that phones (and {@code curl --cacert}) trust. */
    public Path caCertificateFile() {
        return dir.resolve("ca.crt");
    }

    /**
     * The server key with its chain (server, CA), covering every one of {@code names}: loaded when
     * the stored one still fits, issued otherwise.
     */
    public CertifiedKey loadOrCreate(List<String> names) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        CertifiedKey ca = loadOrCreateCa();
        Path certFile = dir.resolve("server.crt");
        Path keyFile = dir.resolve("server.key");
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            tighten(keyFile);
            List<X509Certificate> chain = Pem.readCertificates(certFile);
            String stale = staleness(chain.get(0), ca, names);
            if (stale == null) {
                return new CertifiedKey(Pem.readPrivateKey(keyFile), List.of(chain.get(0), ca.certificate()));
            }
            LOG.info("Re-issuing the HTTPS server certificate: {}", stale);
        }
        KeyPair keys = issuer.rsaKeyPair(2048);
        X509Certificate server = issuer.serverCertificate(ca, keys.getPublic(), names, SERVER_VALIDITY);
        Pem.writePrivateKey(keyFile, keys.getPrivate());
        Pem.writeCertificates(certFile, List.of(server, ca.certificate()));
        LOG.info("Issued the HTTPS server certificate for {} (valid until {}), signed by {}", names,
                server.getNotAfter().toInstant(), caCertificateFile());
        return new CertifiedKey(keys.getPrivate(), List.of(server, ca.certificate()));
    }

    /** An admin-supplied certificate chain and key; refuses a key that does not belong to the leaf. */
    public static CertifiedKey adminSupplied(Path certFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = Pem.readCertificates(certFile);
        PrivateKey key = Pem.readPrivateKey(keyFile);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new IOException(keyFile + " is not the private key of the certificate in " + certFile);
        }
        if (Files.getPosixFilePermissions(keyFile).stream().anyMatch(p -> p.name().startsWith("OTHERS"))) {
            LOG.warn("{} is readable by other users; it should be mode 0600, owned by the service user", keyFile);
        }
        return new CertifiedKey(key, chain);
    }

    private CertifiedKey loadOrCreateCa() throws IOException {
        Path certFile = caCertificateFile();
        Path keyFile = dir.resolve("ca.key");
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            tighten(keyFile);
            return new CertifiedKey(Pem.readPrivateKey(keyFile), List.of(Pem.readCertificates(certFile).get(0)));
        }
        KeyPair keys = issuer.rsaKeyPair(3072);
        String subject = "CN=ztpbox provisioning CA " + Long.toHexString(clock.millis()) + ",O=ztpbox";
        CertifiedKey ca = issuer.certificateAuthority(subject, keys, CA_VALIDITY);
        Pem.writePrivateKey(keyFile, keys.getPrivate());
        Pem.writeCertificates(certFile, ca.chain());
        Files.writeString(dir.resolve("README"), "ca.crt is the certificate phones must trust for HTTPS"
                + " provisioning (device.sec.TLS.customCaCert1).\nKeep ca.key secret: whoever holds it can"
                + " impersonate this appliance to the phones.\n", StandardCharsets.UTF_8);
        LOG.info("Created the appliance CA {}", certFile);
        return ca;
    }

    /** Why the stored server certificate must be replaced, or null when it still fits. */
    private String staleness(X509Certificate server, CertifiedKey ca, List<String> names) {
        try {
            server.verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            return "it is not signed by the current CA";
        }
        if (server.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE))) {
            return "it expires on " + server.getNotAfter().toInstant();
        }
        Set<String> covered = alternativeNames(server);
        Set<String> wanted = new HashSet<>(names);
        return covered.equals(wanted) ? null : "its names " + covered + " differ from " + wanted;
    }

    static Set<String> alternativeNames(X509Certificate certificate) {
        Set<String> out = new HashSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    out.add(String.valueOf(entry.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            return Set.of();
        }
        return out;
    }

    private static void tighten(Path keyFile) throws IOException {
        if (Pem.restrictToOwner(keyFile)) {
            LOG.warn("{} was readable by other users; set it back to mode 0600", keyFile);
        }
    }

    private static boolean matches(PrivateKey key, PublicKey publicKey) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // Ed25519 and Ed448 name their own signature
        };
        try {
            byte[] probe = "ztpbox key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** For tests and diagnostics: the names a certificate covers, sorted. */
    public static List<String> namesOf(X509Certificate certificate) {
        List<String> names = new ArrayList<>(alternativeNames(certificate));
        names.sort(null);
        return names;
    }
}
