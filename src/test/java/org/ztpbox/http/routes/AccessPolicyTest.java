package org.ztpbox.http.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;
import org.ztpbox.http.auth.Identity;

class AccessPolicyTest {

    private static final MacAddress A = MacAddress.parse("0004f2000001");
    private static final MacAddress B = MacAddress.parse("0004f2000002");
    private static final Identity PHONE_A = new Identity("a", A, "digest");
    private static final Identity SHARED = new Identity("PlcmSpIp", null, "digest");

    @Test
    void sharedFilesAreOpenToEveryone() {
        assertThat(AccessPolicy.refusal(null, PHONE_A, null, true)).isNull();
        assertThat(AccessPolicy.refusal(null, Identity.ANONYMOUS, B, true)).isNull();
    }

    @Test
    void aPhoneGetsOnlyItsOwnFiles() {
        assertThat(AccessPolicy.refusal(A, PHONE_A, null, true)).isNull();
        assertThat(AccessPolicy.refusal(B, PHONE_A, null, true)).contains("credentials of 00:04:f2:00:00:01");
    }

    @Test
    void sharedCredentialsReachPhoneFilesOnlyWithoutPerPhoneAccounts() {
        assertThat(AccessPolicy.refusal(A, SHARED, null, false)).isNull();
        assertThat(AccessPolicy.refusal(A, Identity.ANONYMOUS, null, false)).isNull();
        assertThat(AccessPolicy.refusal(A, SHARED, null, true)).contains("only with that phone's own credentials");
    }

    @Test
    void aClientCertificateBindsTheConnectionToItsPhone() {
        assertThat(AccessPolicy.refusal(A, Identity.ANONYMOUS, A, false)).isNull();
        assertThat(AccessPolicy.refusal(A, SHARED, A, true)).isNull();
        assertThat(AccessPolicy.refusal(B, Identity.ANONYMOUS, A, false)).contains("client certificate of");
        assertThat(AccessPolicy.refusal(B, new Identity("b", B, "digest"), A, true)).contains("client certificate of");
    }
}
