package org.ztpbox.http.auth;

/** The outcome of checking a request's credentials. */
public sealed interface AuthResult {

    /** The credentials are right (or none are required). */
    record Granted(Identity identity) implements AuthResult {
    }

    /**
     * Answer 401 with a fresh challenge. {@code reason} is for logs ({@code missing}, {@code wrong},
     * {@code unknown user}, {@code malformed}, {@code stale}); {@code user} is the name the client
     * tried, if any; {@code stale} asks the client to retry with the new nonce (RFC 7616 §3.3).
     */
    record Challenge(String reason, String user, boolean stale) implements AuthResult {
    }
}
