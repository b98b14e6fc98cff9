package org.ztpbox.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ztpbox.core.DeviceCertificates.Identification;
import org.ztpbox.core.MacAddress;

class PolycomDeviceCertificatesTest {

    private static final CertificateIssuer ISSUER = new CertificateIssuer(Clock.systemUTC(), new SecureRandom());
    private static CertifiedKey ca;
    private static KeyPair keys;

    @BeforeAll
    static void polycomStandIn() {
        ca = ISSUER.certificateAuthority("CN=Polycom Root CA (test stand-in),O=Polycom Inc.", ISSUER.rsaKeyPair(2048),
                Duration.ofDays(1));
        keys = ISSUER.rsaKeyPair(2048);
    }

    private static Identification identify(String subject) {
        X509Certificate cert = ISSUER.clientCertificate(ca, keys.getPublic(), subject, Duration.ofDays(1));
        return new PolycomDeviceCertificates().identify(cert);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0004f2aa814c", "0004F2AA814C", "00:04:f2:aa:81:4c", "00-04-F2-AA-81-4C"})
    void theMacInTheCnIsReadInAnySpelling(String cn) {
        assertThat(identify("CN=" + cn + ",O=Polycom Inc.")).isEqualTo(Identification.of(MacAddress.parse("0004f2aa814c")));
    }

    @Test
    void otherSubjectsAreRefusedWithTheReason() {
        assertThat(identify("CN=0004f2aa814c,O=Evil Inc.").refusal()).contains("'Evil Inc.'");
        assertThat(identify("CN=0004f2aa814c").refusal()).contains("O is missing");
        assertThat(identify("CN=reception-phone,O=Polycom Inc.").refusal()).contains("not a MAC address");
        assertThat(identify("O=Polycom Inc.,OU=phones").refusal()).contains("no single CN");
        assertThat(identify("CN=0004f2aa814c,CN=0004f2aa814d,O=Polycom Inc.").refusal()).contains("no single CN");
    }

    @Test
    void organisationComparesWithoutCase() {
        assertThat(identify("CN=0004f2aa814c,O=POLYCOM INC.").accepted()).isTrue();
    }
}
