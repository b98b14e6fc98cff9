package org.ztpbox.http.auth;

import java.util.Map;

/** Answers a Digest challenge as a client would (RFC 7616 §3.4), for tests. */
public final class DigestClient {

    private DigestClient() {
    }

    /** The Authorization value for {@code challenge} (a WWW-Authenticate value) and this request. */
    public static String authorization(String challenge, String user, String password, String method, String uri) {
        Map<String, String> c = AuthParams.parse(challenge.substring("Digest ".length())).orElseThrow();
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(c.get("algorithm")).orElseThrow();
        String realm = c.get("realm");
        String nonce = c.get("nonce");
        String cnonce = "0a4f113b";
        String nc = "00000001";
        String response = algorithm.response(algorithm.ha1(user, realm, password), nonce, nc, cnonce, "auth", method,
                uri);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", algorithm=" + algorithm.token() + ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce
                + "\", response=\"" + response + "\"";
    }
}
