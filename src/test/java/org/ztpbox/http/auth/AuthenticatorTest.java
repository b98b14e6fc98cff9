package org.ztpbox.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztpbox.config.HttpAuthConfig.Mode;
import org.ztpbox.core.MacAddress;

class AuthenticatorTest {

    private static final String CLIENT = "192.168.1.50";
    private static final MacAddress PHONE = MacAddress.parse("0004f2aa814c");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final List<Account> accounts = List.of(new Account("PlcmSpIp", "PlcmSpIp", null),
            new Account("0004f2aa814c", "s3cret", PHONE));

    private Authenticator authenticator(Mode mode, List<DigestAlgorithm> algorithms, long cacheMillis) {
        return new Authenticator(mode, "ztpbox", new Credentials(accounts, "ztpbox"),
                new NonceService(new SecureRandom(), Duration.ofMinutes(5), clock), algorithms, cacheMillis, clock);
    }

    private Authenticator digest() {
        return authenticator(Mode.DIGEST, List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256), 60_000);
    }

    @Test
    void noneGrantsEveryoneAnonymously() {
        Authenticator none = authenticator(Mode.NONE, List.of(DigestAlgorithm.MD5), 0);
        assertThat(none.authenticate(CLIENT, "GET", "/prov/a.cfg", null))
                .isEqualTo(new AuthResult.Granted(Identity.ANONYMOUS));
        assertThat(none.required()).isFalse();
    }

    @Test
    void digestChallengeOffersEachAlgorithmInOrder() {
        List<String> challenges = digest().challenges(CLIENT, false);
        assertThat(challenges).hasSize(2);
        assertThat(challenges.get(0)).startsWith("Digest realm=\"ztpbox\", qop=\"auth\", algorithm=MD5, nonce=\"")
                .doesNotContain("stale");
        assertThat(challenges.get(1)).contains("algorithm=SHA-256");
        assertThat(digest().challenges(CLIENT, true).get(0)).endsWith(", stale=true");
    }

    @Test
    void digestRightWrongMissingAndPerPhoneIdentity() {
        Authenticator auth = digest();
        for (String challenge : auth.challenges(CLIENT, false)) {
            String right = DigestClient.authorization(challenge, "0004f2aa814c", "s3cret", "GET", "/prov/x.cfg");
            assertThat(auth.authenticate(CLIENT, "GET", "/prov/x.cfg", right))
                    .isEqualTo(new AuthResult.Granted(new Identity("0004f2aa814c", PHONE, "digest")));
            String wrong = DigestClient.authorization(challenge, "0004f2aa814c", "guess", "GET", "/prov/x.cfg");
            assertThat(auth.authenticate(CLIENT, "GET", "/prov/x.cfg", wrong))
                    .isEqualTo(new AuthResult.Challenge("wrong password", "0004f2aa814c", false));
        }
        assertThat(auth.authenticate(CLIENT, "GET", "/prov/x.cfg", null))
                .isEqualTo(new AuthResult.Challenge("missing", null, false));
        String unknown = DigestClient.authorization(auth.challenges(CLIENT, false).get(0), "nobody", "x", "GET", "/a");
        assertThat(auth.authenticate(CLIENT, "GET", "/a", unknown)).isInstanceOf(AuthResult.Challenge.class);
    }

    @Test
    void digestForAnotherTargetMethodOrClientIsRefused() {
        Authenticator auth = digest();
        String challenge = auth.challenges(CLIENT, false).get(0);
        String header = DigestClient.authorization(challenge, "PlcmSpIp", "PlcmSpIp", "GET", "/prov/a.cfg");
        assertThat(auth.authenticate(CLIENT, "GET", "/prov/a.cfg", header)).isInstanceOf(AuthResult.Granted.class);
        assertThat(auth.authenticate(CLIENT, "GET", "/prov/b.cfg", header))
                .isEqualTo(new AuthResult.Challenge("uri does not match the request", "PlcmSpIp", false));
        assertThat(auth.authenticate(CLIENT, "PUT", "/prov/a.cfg", header))
                .isEqualTo(new AuthResult.Challenge("wrong password", "PlcmSpIp", false));
        // Right digest, but the nonce was issued to another address: retry with a fresh nonce.
        assertThat(auth.authenticate("192.168.1.51", "GET", "/prov/a.cfg", header))
                .isEqualTo(new AuthResult.Challenge("stale nonce", "PlcmSpIp", true));
    }

    @Test
    void expiredNonceIsStaleEvenWhenTheVerdictWasCached() {
        Authenticator auth = digest();
        String header = DigestClient.authorization(auth.challenges(CLIENT, false).get(0), "PlcmSpIp", "PlcmSpIp",
                "GET", "/prov/a.cfg");
        assertThat(auth.authenticate(CLIENT, "GET", "/prov/a.cfg", header)).isInstanceOf(AuthResult.Granted.class);
        clock.advance(Duration.ofMinutes(5));
        assertThat(auth.authenticate(CLIENT, "GET", "/prov/a.cfg", header))
                .isEqualTo(new AuthResult.Challenge("stale nonce", "PlcmSpIp", true));
    }

    @Test
    void digestOnlyAcceptsOfferedAlgorithmsAndItsRealm() {
        Authenticator md5Only = authenticator(Mode.DIGEST, List.of(DigestAlgorithm.MD5), 0);
        String sha = DigestClient.authorization(digest().challenges(CLIENT, false).get(1), "PlcmSpIp", "PlcmSpIp",
                "GET", "/a");
        assertThat(md5Only.authenticate(CLIENT, "GET", "/a", sha)).isInstanceOf(AuthResult.Challenge.class);
        String otherRealm = DigestClient.authorization(md5Only.challenges(CLIENT, false).get(0), "PlcmSpIp",
                "PlcmSpIp", "GET", "/a").replace("realm=\"ztpbox\"", "realm=\"other\"");
        assertThat(md5Only.authenticate(CLIENT, "GET", "/a", otherRealm))
                .isEqualTo(new AuthResult.Challenge("malformed", "PlcmSpIp", false));
    }

    @Test
    void basicRightWrongUnknownMalformedAndOtherSchemes() {
        Authenticator basic = authenticator(Mode.BASIC, List.of(), 60_000);
        assertThat(basic.challenges(CLIENT, false)).containsExactly("Basic realm=\"ztpbox\", charset=\"UTF-8\"");
        assertThat(basic.authenticate(CLIENT, "GET", "/a", basic("0004f2aa814c", "s3cret")))
                .isEqualTo(new AuthResult.Granted(new Identity("0004f2aa814c", PHONE, "basic")));
        assertThat(basic.authenticate(CLIENT, "GET", "/a", basic("0004f2aa814c", "s3cre")))
                .isEqualTo(new AuthResult.Challenge("wrong password", "0004f2aa814c", false));
        assertThat(basic.authenticate(CLIENT, "GET", "/a", basic("root", "s3cret")))
                .isEqualTo(new AuthResult.Challenge("unknown user", "root", false));
        assertThat(basic.authenticate(CLIENT, "GET", "/a", "Basic %%%"))
                .isEqualTo(new AuthResult.Challenge("malformed", null, false));
        assertThat(basic.authenticate(CLIENT, "GET", "/a", "Bearer abc"))
                .isEqualTo(new AuthResult.Challenge("scheme bearer not accepted", null, false));
        assertThat(basic.perPhone()).isTrue();
    }

    @Test
    void cachedVerdictsDoNotOutliveTheirTtl() {
        VerifiedCredentials cache = new VerifiedCredentials(1000, 2);
        Identity id = new Identity("u", null, "basic");
        cache.remember("k", id, 0, Long.MAX_VALUE);
        assertThat(cache.find("k", 999)).isEqualTo(id);
        assertThat(cache.find("k", 1000)).isNull();
        cache.remember("k", id, 0, 10);
        assertThat(cache.find("k", 10)).isNull(); // capped by the nonce's expiry
        cache.remember("a", id, 0, Long.MAX_VALUE);
        cache.remember("b", id, 0, Long.MAX_VALUE);
        cache.remember("c", id, 0, Long.MAX_VALUE);
        assertThat(cache.size()).isLessThanOrEqualTo(2);
        VerifiedCredentials off = new VerifiedCredentials(0, 10);
        off.remember("k", id, 0, Long.MAX_VALUE);
        assertThat(off.find("k", 0)).isNull();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
