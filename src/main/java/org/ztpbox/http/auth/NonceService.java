package org.ztpbox.http.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digest nonces that need no server-side table (RFC 7616 §5.5 suggests this construction):
 * {@code base64url(expiry || HMAC-SHA256(secret, expiry || client address))}. A nonce is tied
 * to the client that got it and expires; an expired but authentic nonce is "stale", which tells
 * the client to retry with a fresh one without asking the user again (§3.3). The secret is drawn
 * at start, so nonces from before a restart are simply unknown.
 */
public final class NonceService {

    /** How a nonce compares with what this server issues. */
    public enum Freshness { VALID, STALE, UNKNOWN }

    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;
    private final ThreadLocal<Mac> macs;

    public NonceService(SecureRandom random, Duration lifetime, Clock clock) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String issue(String client) {
        long expiry = clock.millis() + lifetime.toMillis();
        ByteBuffer nonce = ByteBuffer.allocate(Long.BYTES + MAC_BYTES).putLong(expiry).put(sign(expiry, client));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    public Freshness check(String nonce, String client) {
        long expiry = expiry(nonce);
        if (expiry == Long.MIN_VALUE) {
            return Freshness.UNKNOWN;
        }
        byte[] given = Arrays.copyOfRange(Base64.getUrlDecoder().decode(nonce), Long.BYTES, Long.BYTES + MAC_BYTES);
        if (!MessageDigest.isEqual(given, sign(expiry, client))) {
            return Freshness.UNKNOWN;
        }
        return clock.millis() < expiry ? Freshness.VALID : Freshness.STALE;
    }

    /** The expiry written in the nonce (epoch millis), or {@link Long#MIN_VALUE} when it is not one of ours. */
    public long expiry(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Long.MIN_VALUE;
        }
        return raw.length == Long.BYTES + MAC_BYTES ? ByteBuffer.wrap(raw).getLong() : Long.MIN_VALUE;
    }

    private byte[] sign(long expiry, String client) {
        Mac mac = macs.get();
        mac.update(ByteBuffer.allocate(Long.BYTES).putLong(expiry).array());
        mac.update(client.getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
