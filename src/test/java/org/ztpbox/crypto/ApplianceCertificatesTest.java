package org.ztpbox.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplianceCertificatesTest {

    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private final CertificateIssuer issuer = new CertificateIssuer(clock, new SecureRandom());

    private ApplianceCertificates certificates() {
        return new ApplianceCertificates(dir.resolve("tls"), issuer, clock);
    }

    @Test
    void firstStartCreatesACaAndAServerCertificateWithPrivateKeysOwnerOnly() throws Exception {
        CertifiedKey server = certificates().loadOrCreate(List.of("192.168.1.2", "ztpbox.office.lan"));

        Path tls = dir.resolve("tls");
        assertThat(Files.getPosixFilePermissions(tls)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        for (String key : List.of("ca.key", "server.key")) {
            assertThat(Files.getPosixFilePermissions(tls.resolve(key)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        X509Certificate leaf = server.certificate();
        X509Certificate ca = Pem.readCertificates(tls.resolve("ca.crt")).get(0);
        leaf.verify(ca.getPublicKey());
        ca.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isEqualTo(0);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(ApplianceCertificates.namesOf(leaf)).containsExactly("192.168.1.2", "ztpbox.office.lan");
        assertThat(server.chain()).containsExactly(leaf, ca);
        assertThat(server.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void restartReusesEverythingAndNewNamesReissueOnlyTheServerCertificate() throws Exception {
        CertifiedKey first = certificates().loadOrCreate(List.of("192.168.1.2"));
        CertifiedKey again = certificates().loadOrCreate(List.of("192.168.1.2"));
        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(again.key().getEncoded()).isEqualTo(first.key().getEncoded());

        CertifiedKey moved = certificates().loadOrCreate(List.of("192.168.1.3"));
        assertThat(moved.certificate()).isNotEqualTo(first.certificate());
        assertThat(moved.chain().get(1)).isEqualTo(first.chain().get(1)); // phones keep trusting the same CA
        assertThat(ApplianceCertificates.namesOf(moved.certificate())).containsExactly("192.168.1.3");
    }

    @Test
    void aKeyFileLeftReadableIsTightened() throws Exception {
        certificates().loadOrCreate(List.of("10.0.0.1"));
        Path key = dir.resolve("tls/server.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        certificates().loadOrCreate(List.of("10.0.0.1"));
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void adminSuppliedCertificateMustMatchItsKey() throws Exception {
        KeyPair caKeys = issuer.rsaKeyPair(2048);
        CertifiedKey ca = issuer.certificateAuthority("CN=Office CA", caKeys, Duration.ofDays(30));
        KeyPair keys = issuer.rsaKeyPair(2048);
        X509Certificate cert = issuer.serverCertificate(ca, keys.getPublic(), List.of("prov.office.lan"),
                Duration.ofDays(30));
        Path certFile = dir.resolve("server.crt");
        Path keyFile = dir.resolve("server.key");
        Pem.writeCertificates(certFile, List.of(cert, ca.certificate()));
        Pem.writePrivateKey(keyFile, keys.getPrivate());

        CertifiedKey loaded = ApplianceCertificates.adminSupplied(certFile, keyFile);
        assertThat(loaded.chain()).containsExactly(cert, ca.certificate());

        Pem.writePrivateKey(keyFile, caKeys.getPrivate());
        assertThatThrownBy(() -> ApplianceCertificates.adminSupplied(certFile, keyFile))
                .isInstanceOf(IOException.class).hasMessageContaining("is not the private key");
    }

    @Test
    void unreadablePemFilesAreNamed() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "hello\n");
        assertThatThrownBy(() -> Pem.readCertificates(junk)).hasMessageContaining("junk.pem");
        assertThatThrownBy(() -> Pem.readPrivateKey(junk)).hasMessageContaining("no PRIVATE KEY");
        Path encrypted = Files.writeString(dir.resolve("enc.pem"), """
                -----BEGIN ENCRYPTED PRIVATE KEY-----
                MIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQIAAAAAAAAAAACAggA
                MAwGCCqGSIb3DQIJBQAwHQYJYIZIAWUDBAEqBBAAAAAAAAAAAAAAAAAAAAAABIIB
                YAAA
                -----END ENCRYPTED PRIVATE KEY-----
                """);
        assertThatThrownBy(() -> Pem.readPrivateKey(encrypted)).isInstanceOf(IOException.class);
    }
}
