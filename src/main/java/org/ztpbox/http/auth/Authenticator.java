package org.ztpbox.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ztpbox.config.HttpAuthConfig.Mode;

/**
 * Checks a request's {@code Authorization} header: HTTP Basic (RFC 7617) or Digest (RFC 7616,
 * MD5 and SHA-256, {@code qop=auth}, nonces that expire), as configured. Thread-safe; every check
 * is a few short hashes, and a header verified a moment ago is not re-checked at all
 * ({@link VerifiedCredentials}).
 *
 * <p>The nonce-count is not tracked (RFC 7616 §5.5 permits this): a captured request can be
 * replayed only for the same target, from the same address, within the nonce lifetime.
 */
public final class Authenticator {

    private static final int MAX_CACHED = 20_000;

    private final Mode mode;
    private final String realm;
    private final Credentials credentials;
    private final NonceService nonces;
    private final List<DigestAlgorithm> offered;
    private final VerifiedCredentials verified;
    private final Clock clock;

    /** @param offered the Digest algorithms, in the order challenges list them (RFC 7616 §3.7) */
    public Authenticator(Mode mode, String realm, Credentials credentials, NonceService nonces,
                         List<DigestAlgorithm> offered, long cacheTtlMillis, Clock clock) {
        if (mode != Mode.NONE && credentials.isEmpty()) {
            throw new IllegalArgumentException("authentication mode " + mode + " needs at least one account");
        }
        this.mode = mode;
        this.realm = realm;
        this.credentials = credentials;
        this.nonces = nonces;
        this.offered = List.copyOf(offered);
        this.verified = new VerifiedCredentials(cacheTtlMillis, MAX_CACHED);
        this.clock = clock;
    }

    /** True when MAC-named files are served only to the phone they name. */
    public boolean perPhone() {
        return credentials.perPhone();
    }

    public boolean required() {
        return mode != Mode.NONE;
    }

    /**
     * @param client        the client's address: Digest nonces are bound to it
     * @param target        the request-target exactly as received (the Digest {@code uri} must equal it)
     * @param authorization the header's value, or null
     */
    public AuthResult authenticate(String client, String method, String target, String authorization) {
        if (mode == Mode.NONE) {
            return new AuthResult.Granted(Identity.ANONYMOUS);
        }
        if (authorization == null) {
            return new AuthResult.Challenge("missing", null, false);
        }
        long now = clock.millis();
        String key = VerifiedCredentials.key(client, method, target, authorization);
        Identity known = verified.find(key, now);
        if (known != null) {
            return new AuthResult.Granted(known);
        }
        int space = authorization.indexOf(' ');
        String scheme = (space < 0 ? authorization : authorization.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : authorization.substring(space + 1).trim();
        if (mode == Mode.BASIC && scheme.equals("basic")) {
            AuthResult result = basic(rest);
            if (result instanceof AuthResult.Granted granted) {
                verified.remember(key, granted.identity(), now, Long.MAX_VALUE);
            }
            return result;
        }
        if (mode == Mode.DIGEST && scheme.equals("digest")) {
            return digest(client, method, target, rest, key, now);
        }
        return new AuthResult.Challenge("scheme " + scheme + " not accepted", null, false);
    }

    /** The {@code WWW-Authenticate} values of a 401, one per offered algorithm (RFC 7616 §3.3, RFC 7617 §2). */
    public List<String> challenges(String client, boolean stale) {
        String quotedRealm = quote(realm);
        if (mode == Mode.BASIC) {
            return List.of("Basic realm=" + quotedRealm + ", charset=\"UTF-8\"");
        }
        List<String> out = new ArrayList<>();
        for (DigestAlgorithm algorithm : offered) {
            out.add("Digest realm=" + quotedRealm + ", qop=\"auth\", algorithm=" + algorithm.token() + ", nonce=\""
                    + nonces.issue(client) + "\"" + (stale ? ", stale=true" : ""));
        }
        return out;
    }

    private AuthResult basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new AuthResult.Challenge("malformed", null, false);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new AuthResult.Challenge("malformed", null, false);
        }
        String user = decoded.substring(0, colon);
        Account account = credentials.checkPassword(user, decoded.substring(colon + 1));
        if (account == null) {
            return new AuthResult.Challenge(credentials.find(user) == null ? "unknown user" : "wrong password", user,
                    false);
        }
        return new AuthResult.Granted(new Identity(user, account.mac(), "basic"));
    }

    private AuthResult digest(String client, String method, String target, String text, String key, long now) {
        Optional<Map<String, String>> parsed = AuthParams.parse(text);
        if (parsed.isEmpty()) {
            return new AuthResult.Challenge("malformed", null, false);
        }
        Map<String, String> p = parsed.get();
        String user = p.get("username");
        String nonce = p.get("nonce");
        String uri = p.get("uri");
        String response = p.get("response");
        String qop = p.get("qop");
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(p.getOrDefault("algorithm", "MD5"));
        if (user == null || nonce == null || uri == null || response == null || algorithm.isEmpty()
                || !offered.contains(algorithm.get()) || !realm.equals(p.get("realm"))
                || (qop != null && (!qop.equals("auth") || p.get("nc") == null || p.get("cnonce") == null))) {
            return new AuthResult.Challenge("malformed", user, false);
        }
        if (!uri.equals(target)) {
            // RFC 7616 §3.4.6: the digest must be for this very request, or it could be replayed elsewhere.
            return new AuthResult.Challenge("uri does not match the request", user, false);
        }
        Credentials.Entry entry = credentials.find(user);
        if (entry == null) {
            return new AuthResult.Challenge("unknown user", user, false);
        }
        String expected = algorithm.get().response(entry.ha1().get(algorithm.get()), nonce, p.get("nc"),
                p.get("cnonce"), qop, method, uri);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return new AuthResult.Challenge("wrong password", user, false);
        }
        if (nonces.check(nonce, client) != NonceService.Freshness.VALID) {
            // The password is right: only the nonce is old (or from before a restart), so the client may retry.
            return new AuthResult.Challenge("stale nonce", user, true);
        }
        Identity identity = new Identity(user, entry.account().mac(), "digest");
        verified.remember(key, identity, now, nonces.expiry(nonce));
        return new AuthResult.Granted(identity);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
