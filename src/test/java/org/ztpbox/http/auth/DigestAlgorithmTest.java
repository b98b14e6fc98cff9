package org.ztpbox.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request-digest computation against the published examples. */
class DigestAlgorithmTest {

    // RFC 7616 §3.9.1: the same request, digested with MD5 and with SHA-256.
    private static final String USER = "Mufasa";
    private static final String REALM = "http-auth@example.org";
    private static final String PASSWORD = "Circle of Life";
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String URI = "/dir/index.html";

    @Test
    void rfc7616Md5Example() {
        String ha1 = DigestAlgorithm.MD5.ha1(USER, REALM, PASSWORD);
        assertThat(DigestAlgorithm.MD5.response(ha1, NONCE, "00000001", CNONCE, "auth", "GET", URI))
                .isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void rfc7616Sha256Example() {
        String ha1 = DigestAlgorithm.SHA_256.ha1(USER, REALM, PASSWORD);
        assertThat(DigestAlgorithm.SHA_256.response(ha1, NONCE, "00000001", CNONCE, "auth", "GET", URI))
                .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void rfc2617ExampleStillComputes() {
        // RFC 2617 §3.5 (MD5, qop=auth), the form older phones speak.
        String ha1 = DigestAlgorithm.MD5.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertThat(DigestAlgorithm.MD5.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b",
                "auth", "GET", "/dir/index.html")).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void withoutQopTheRfc2069FormIsUsed() {
        String ha1 = DigestAlgorithm.MD5.ha1(USER, REALM, PASSWORD);
        String ha2 = DigestAlgorithm.MD5.hash("GET:" + URI);
        assertThat(DigestAlgorithm.MD5.response(ha1, NONCE, null, null, null, "GET", URI))
                .isEqualTo(DigestAlgorithm.MD5.hash(ha1 + ":" + NONCE + ":" + ha2));
    }

    @Test
    void tokensAreCaseInsensitiveAndSessionVariantsAreNotOffered() {
        assertThat(DigestAlgorithm.fromToken("md5")).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("sha-256")).contains(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.fromToken("MD5-sess")).isEmpty();
        assertThat(DigestAlgorithm.fromToken("SHA-512-256")).isEmpty();
        assertThat(DigestAlgorithm.fromToken(null)).isEmpty();
    }
}
