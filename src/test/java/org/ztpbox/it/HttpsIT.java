package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.crypto.CertificateIssuer;
import org.ztpbox.crypto.CertifiedKey;
import org.ztpbox.crypto.Pem;
import org.ztpbox.lab.Curl;
import org.ztpbox.lab.LoopbackHttpServer;
import org.ztpbox.lab.Prerequisites;

/**
 * curl over HTTPS: the server certificate verified against the appliance's own CA, TLS 1.2 as the
 * floor, and mutual TLS with client certificates issued here by a test CA standing in for Poly's
 * ("CN=<mac>, O=Polycom Inc."): a phone's certificate fetches its own files and no other's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpsIT {

    private static final String PHONE_A = "0004f2000001";
    private static final String PHONE_B = "0004f2000002";

    @TempDir
    Path dir;
    private Curl curl;
    private LoopbackHttpServer server;
    private final CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC(), new SecureRandom());

    @BeforeEach
    void setUp() throws IOException {
        Prerequisites.requirePrograms(Curl.PROGRAMS);
        curl = new Curl(Files.createDirectories(dir.resolve("client")));
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private void start(String httpSection) {
        server = LoopbackHttpServer.start(dir.resolve("state"), httpSection);
        server.serve("000000000000.cfg", "master");
        server.serve(PHONE_A + ".cfg", "config of A");
        server.serve(PHONE_B + ".cfg", "config of B");
    }

    @Test
    void serverCertificateVerifiesAgainstTheApplianceCa() throws IOException {
        start("");
        String ca = server.caCertificate().toString();
        Curl.Response ok = curl.run("--cacert", ca, server.httpsUrl("000000000000.cfg"));
        assertThat(ok.status()).as(ok.describe()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("master");
        assertThat(curl.run("--cacert", ca, "--tls-max", "1.2", server.httpsUrl("000000000000.cfg")).status())
                .as("TLS 1.2 still offered").isEqualTo(200);

        Curl.Response untrusted = curl.run(server.httpsUrl("000000000000.cfg"));
        assertThat(untrusted.status()).isZero();
        assertThat(untrusted.run().exitCode()).as(untrusted.describe()).isEqualTo(60); // peer certificate not verified

        for (String key : List.of("tls/ca.key", "tls/server.key")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("state").resolve(key)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        // Plain HTTP keeps working beside HTTPS.
        assertThat(curl.run(server.url("000000000000.cfg")).status()).isEqualTo(200);
    }

    @Test
    void firmwareGoesThroughTlsInChunksWholeAndInRanges() throws IOException {
        start("");
        byte[] firmware = new byte[1_000_000];
        new java.util.Random(11).nextBytes(firmware);
        Path served = Files.write(server.files().resolve("sip.ld"), firmware);
        Path got = dir.resolve("client/sip.ld");
        String ca = server.caCertificate().toString();
        Curl.Response whole = curl.runTo(got, "--cacert", ca, server.httpsUrl("sip.ld"));
        assertThat(whole.status()).as(whole.describe()).isEqualTo(200);
        assertThat(Files.mismatch(got, served)).isEqualTo(-1L);
        Curl.Response part = curl.run("--cacert", ca, "-r", "500000-699999", server.httpsUrl("sip.ld"));
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo(java.util.Arrays.copyOfRange(firmware, 500_000, 700_000));
    }

    @Test
    void minimumVersionOneThreeRefusesTlsOneTwo() {
        start("tls:\n  min-version: 1.3\n");
        String ca = server.caCertificate().toString();
        assertThat(curl.run("--cacert", ca, server.httpsUrl("000000000000.cfg")).status()).isEqualTo(200);
        Curl.Response old = curl.run("--cacert", ca, "--tls-max", "1.2", server.httpsUrl("000000000000.cfg"));
        assertThat(old.status()).as(old.describe()).isZero();
    }

    @Test
    void mutualTlsBindsTheConnectionToTheCertificatesMac() throws IOException {
        CertifiedKey polycomStandIn = polycomStandIn();
        start("tls:\n  client-ca: " + dir.resolve("polycom-ca.pem") + "\n  require-client-cert: true\n");
        String ca = server.caCertificate().toString();
        List<String> phoneA = clientCertificate(polycomStandIn, "CN=" + PHONE_A + ",O=Polycom Inc.", "a");

        Curl.Response own = curl.run(with(phoneA, "--cacert", ca, server.httpsUrl(PHONE_A + ".cfg")));
        assertThat(own.status()).as(own.describe()).isEqualTo(200);
        assertThat(own.body()).isEqualTo("config of A");
        assertThat(curl.run(with(phoneA, "--cacert", ca, server.httpsUrl("000000000000.cfg"))).status()).isEqualTo(200);
        Curl.Response other = curl.run(with(phoneA, "--cacert", ca, server.httpsUrl(PHONE_B + ".cfg")));
        assertThat(other.status()).as("phone A's certificate asking for phone B's file").isEqualTo(403);
        assertThat(other.body()).doesNotContain("config of B");

        Path log = Files.writeString(dir.resolve("client/boot.log"), "A booted\n");
        assertThat(curl.run(with(phoneA, "--cacert", ca, "-T", log.toString(),
                server.httpsUrl(PHONE_A + "-boot.log"))).status()).isEqualTo(201);
        assertThat(curl.run(with(phoneA, "--cacert", ca, "-T", log.toString(),
                server.httpsUrl(PHONE_B + "-boot.log"))).status()).isEqualTo(403);

        Curl.Response none = curl.run("--cacert", ca, server.httpsUrl(PHONE_A + ".cfg"));
        assertThat(none.status()).as("no client certificate: " + none.describe()).isZero();
        assertThat(none.body()).isEmpty();

        List<String> notPolycom = clientCertificate(polycomStandIn, "CN=" + PHONE_A + ",O=Evil Inc.", "evil");
        assertThat(curl.run(with(notPolycom, "--cacert", ca, server.httpsUrl(PHONE_A + ".cfg"))).status())
                .isEqualTo(403);

        CertifiedKey otherCa = issuer.certificateAuthority("CN=Some Other CA", issuer.rsaKeyPair(2048),
                Duration.ofDays(1));
        List<String> forged = clientCertificate(otherCa, "CN=" + PHONE_A + ",O=Polycom Inc.", "forged");
        Curl.Response refused = curl.run(with(forged, "--cacert", ca, server.httpsUrl(PHONE_A + ".cfg")));
        assertThat(refused.status()).as("certificate from an untrusted CA: " + refused.describe()).isZero();
        assertThat(server.server().counters().snapshot().get("tls-failures")).isGreaterThanOrEqualTo(2);
        assertThat(server.events()).anySatisfy(e -> assertThat(e.type()).isEqualTo("TLS_REFUSED"));
    }

    @Test
    void optionalClientCertificatesStillBindWhenPresented() throws IOException {
        CertifiedKey polycomStandIn = polycomStandIn();
        start("tls:\n  client-ca: " + dir.resolve("polycom-ca.pem") + "\n");
        String ca = server.caCertificate().toString();
        assertThat(curl.run("--cacert", ca, server.httpsUrl(PHONE_B + ".cfg")).status()).isEqualTo(200);
        List<String> phoneA = clientCertificate(polycomStandIn, "CN=" + PHONE_A + ",O=Polycom Inc.", "a");
        assertThat(curl.run(with(phoneA, "--cacert", ca, server.httpsUrl(PHONE_B + ".cfg"))).status()).isEqualTo(403);
    }

    @Test
    void anExpiredFactoryCertificateIsRefusedUnlessThePolicyAcceptsIt() throws IOException {
        // Issued a month ago, valid a day: like an old phone's factory certificate. The CA is long-lived.
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        CertificateIssuer past = new CertificateIssuer(Clock.fixed(monthAgo, ZoneOffset.UTC), new SecureRandom());
        CertifiedKey polycomStandIn = past.certificateAuthority("CN=Polycom Root CA (test stand-in),O=Polycom Inc.",
                past.rsaKeyPair(2048), Duration.ofDays(3650));
        Pem.writeCertificates(dir.resolve("polycom-ca.pem"), polycomStandIn.chain());
        List<String> expired = clientCertificate(past, polycomStandIn, "CN=" + PHONE_A + ",O=Polycom Inc.", "old");
        CertifiedKey otherCa = past.certificateAuthority("CN=Some Other CA", past.rsaKeyPair(2048),
                Duration.ofDays(3650));
        List<String> expiredForged = clientCertificate(past, otherCa, "CN=" + PHONE_A + ",O=Polycom Inc.", "forged");

        start("tls:\n  client-ca: " + dir.resolve("polycom-ca.pem") + "\n  require-client-cert: true\n");
        String ca = server.caCertificate().toString();
        Curl.Response byDefault = curl.run(with(expired, "--cacert", ca, server.httpsUrl(PHONE_A + ".cfg")));
        assertThat(byDefault.status()).as("expired, default policy: " + byDefault.describe()).isZero();
        server.close();

        start("tls:\n  client-ca: " + dir.resolve("polycom-ca.pem") + "\n  require-client-cert: true\n"
                + "  accept-expired-client-certs: true\n");
        ca = server.caCertificate().toString();
        Curl.Response accepted = curl.run(with(expired, "--cacert", ca, server.httpsUrl(PHONE_A + ".cfg")));
        assertThat(accepted.status()).as(accepted.describe()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("config of A");
        assertThat(curl.run(with(expired, "--cacert", ca, server.httpsUrl(PHONE_B + ".cfg"))).status())
                .as("still bound to its own MAC").isEqualTo(403);
        Curl.Response forged = curl.run(with(expiredForged, "--cacert", ca, server.httpsUrl(PHONE_A + ".cfg")));
        assertThat(forged.status()).as("expired and from another CA: " + forged.describe()).isZero();
        assertThat(server.events()).anySatisfy(e -> assertThat(e.type()).isEqualTo("TLS_EXPIRED_ACCEPTED"));
    }

    /** A CA standing in for "Polycom Root CA", written as the client-ca bundle {@code polycom-ca.pem}. */
    private CertifiedKey polycomStandIn() throws IOException {
        CertifiedKey ca = issuer.certificateAuthority("CN=Polycom Root CA (test stand-in),O=Polycom Inc.",
                issuer.rsaKeyPair(2048), Duration.ofDays(1));
        Pem.writeCertificates(dir.resolve("polycom-ca.pem"), ca.chain());
        return ca;
    }

    /** Issues a client certificate and returns curl's {@code --cert/--key} arguments for it. */
    private List<String> clientCertificate(CertifiedKey ca, String subject, String name) throws IOException {
        return clientCertificate(issuer, ca, subject, name);
    }

    private List<String> clientCertificate(CertificateIssuer by, CertifiedKey ca, String subject, String name)
            throws IOException {
        KeyPair keys = by.rsaKeyPair(2048);
        X509Certificate cert = by.clientCertificate(ca, keys.getPublic(), subject, Duration.ofDays(1));
        Path certFile = dir.resolve("client/" + name + ".crt");
        Path keyFile = dir.resolve("client/" + name + ".key");
        Pem.writeCertificates(certFile, List.of(cert));
        Pem.writePrivateKey(keyFile, keys.getPrivate());
        return List.of("--cert", certFile.toString(), "--key", keyFile.toString());
    }

    private static String[] with(List<String> first, String... rest) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
