package org.ztpbox.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.ztpbox.http.auth.NonceService.Freshness;

class NonceServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final NonceService nonces = new NonceService(new SecureRandom(), Duration.ofMinutes(5), clock);

    @Test
    void validForItsClientUntilItExpiresThenStale() {
        String nonce = nonces.issue("10.0.0.5");
        assertThat(nonces.check(nonce, "10.0.0.5")).isEqualTo(Freshness.VALID);
        clock.advance(Duration.ofMinutes(5));
        assertThat(nonces.check(nonce, "10.0.0.5")).isEqualTo(Freshness.STALE);
    }

    @Test
    void boundToTheClientAddress() {
        assertThat(nonces.check(nonces.issue("10.0.0.5"), "10.0.0.6")).isEqualTo(Freshness.UNKNOWN);
    }

    @Test
    void forgedOrForeignNoncesAreUnknown() {
        String nonce = nonces.issue("10.0.0.5");
        char[] tampered = nonce.toCharArray();
        tampered[3] = tampered[3] == 'A' ? 'B' : 'A'; // inside the expiry: a client cannot extend its nonce
        assertThat(nonces.check(new String(tampered), "10.0.0.5")).isEqualTo(Freshness.UNKNOWN);
        assertThat(nonces.check("not base64 !", "10.0.0.5")).isEqualTo(Freshness.UNKNOWN);
        assertThat(nonces.check("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "10.0.0.5")).isEqualTo(Freshness.UNKNOWN);
        NonceService afterRestart = new NonceService(new SecureRandom(), Duration.ofMinutes(5), clock);
        assertThat(afterRestart.check(nonce, "10.0.0.5")).isEqualTo(Freshness.UNKNOWN);
    }
}
