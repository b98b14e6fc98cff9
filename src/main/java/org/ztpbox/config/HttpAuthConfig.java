package org.ztpbox.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ztpbox.core.MacAddress;

/**
 * How the provisioning server checks who asks (the {@code http.auth} section).
 *
 * @param accounts        the shared pair and the per-phone accounts given in the YAML
 * @param credentialsFile more per-phone accounts, one {@code mac,user,password} per line; null for none
 * @param digestAlgorithms the Digest algorithms offered, in order: {@code MD5}, {@code SHA-256}
 * @param nonceLifetime   how long a Digest nonce stays valid (RFC 7616 §3.3 "stale")
 * @param cacheTtl        how long a verified Authorization header is trusted without re-checking; zero disables
 */
public record HttpAuthConfig(Mode mode, String realm, List<Credential> accounts, Path credentialsFile,
                             List<String> digestAlgorithms, Duration nonceLifetime, Duration cacheTtl) {

    /** {@code none}, {@code basic} (RFC 7617) or {@code digest} (RFC 7616). */
    public enum Mode { NONE, BASIC, DIGEST }

    public static final String DEFAULT_REALM = "ztpbox";

    public HttpAuthConfig {
        accounts = List.copyOf(accounts);
        digestAlgorithms = List.copyOf(digestAlgorithms);
    }

    public static HttpAuthConfig none() {
        return new HttpAuthConfig(Mode.NONE, DEFAULT_REALM, List.of(), null, List.of("MD5", "SHA-256"),
                Duration.ofMinutes(5), Duration.ofMinutes(1));
    }

    /** One user name and password; {@code mac} is set for a phone's own account. */
    public record Credential(String user, String password, MacAddress mac) {
        @Override
        public String toString() {
            return "Credential[user=" + user + ", mac=" + mac + "]"; // never the password
        }
    }
}
