package org.ztpbox.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The hash functions of HTTP Digest (RFC 7616 §3.2, §6.1). The {@code -sess} variants are not
 * offered, so a client never uses them.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** The name on the wire, in the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /** The algorithm a token names (case-insensitive, RFC 7616 §3.3), if offered by this server. */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String upper = token.trim().toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equals(upper)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** H(data): the lower-case hex digest of the UTF-8 bytes (RFC 7616 §3.4.1). */
    public String hash(String data) {
        try {
            byte[] digest = MessageDigest.getInstance(jcaName).digest(data.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is required of every Java runtime", e);
        }
    }

    /** KD(secret, data) = H(concat(secret, ":", data)) (RFC 7616 §3.4.1). */
    public String keyedDigest(String secret, String data) {
        return hash(secret + ":" + data);
    }

    /** A1 for the non-session algorithms: H(username ":" realm ":" password) (RFC 7616 §3.4.2). */
    public String ha1(String username, String realm, String password) {
        return hash(username + ":" + realm + ":" + password);
    }

    /**
     * The request-digest (RFC 7616 §3.4.1): with {@code qop=auth},
     * {@code KD(H(A1), nonce:nc:cnonce:qop:H(A2))}; without qop, the RFC 2069 form
     * {@code KD(H(A1), nonce:H(A2))} that RFC 2617 §3.2.2.1 keeps for old clients. A2 is
     * {@code method:uri} (§3.4.3; {@code auth-int} is not offered).
     */
    public String response(String ha1, String nonce, String nc, String cnonce, String qop, String method, String uri) {
        String ha2 = hash(method + ":" + uri);
        if (qop == null) {
            return keyedDigest(ha1, nonce + ":" + ha2);
        }
        return keyedDigest(ha1, nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
