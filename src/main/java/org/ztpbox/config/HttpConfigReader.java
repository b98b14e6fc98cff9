package org.ztpbox.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ztpbox.config.HttpAuthConfig.Credential;
import org.ztpbox.config.HttpAuthConfig.Mode;
import org.ztpbox.config.HttpConfig.FirmwareTrees;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.SafePaths;

/** Reads the {@code http} section with its {@code auth}, {@code tls} and {@code firmware-trees} parts. */
final class HttpConfigReader {

    private static final Set<String> KEYS = Set.of("enabled", "port", "https-port", "listen", "max-upload",
            "idle-timeout", "request-timeout", "max-connections", "max-connections-per-client", "access-log",
            "firmware-trees", "auth", "tls");
    private static final Set<String> AUTH_KEYS = Set.of("mode", "realm", "user", "password", "phones",
            "credentials-file", "digest-algorithms", "nonce-lifetime", "cache");
    private static final Set<String> TLS_KEYS = Set.of("cert", "key", "names", "min-version", "client-ca",
            "require-client-cert", "accept-expired-client-certs");

    private final Problems problems;

    HttpConfigReader(Problems problems) {
        this.problems = problems;
    }

    HttpConfig read(YamlSection s) {
        HttpConfig d = new HttpConfig(80);
        boolean enabled = s.bool("enabled").orElse(true);
        int port = s.integer("port", 1, 65535).orElse(d.port());
        int httpsPort = s.value("https-port", HttpConfigReader::portOrOff).orElse(d.httpsPort());
        if (httpsPort == port) {
            problems.add(s.key("https-port"), s.lineOf("https-port"), "must differ from http.port (" + port + ")");
        }
        Ipv4Address listen = s.value("listen", Ipv4Address::parse).orElse(null);
        long maxUpload = s.value("max-upload", ByteSizes::parse).orElse(d.maxUpload());
        Duration idle = s.duration("idle-timeout", Duration.ofSeconds(1)).orElse(d.idleTimeout());
        Duration request = s.duration("request-timeout", Duration.ofSeconds(1)).orElse(d.requestTimeout());
        int maxConnections = s.integer("max-connections", 1, 1_000_000).orElse(d.maxConnections());
        int perClient = s.integer("max-connections-per-client", 1, 1_000_000).orElse(d.maxConnectionsPerClient());
        Path accessLog = s.value("access-log", text -> text.trim().equalsIgnoreCase("off") ? Path.of("")
                : Path.of(text.trim())).orElse(d.accessLog());
        FirmwareTrees trees = firmwareTrees(s.section("firmware-trees"));
        HttpAuthConfig auth = auth(s.section("auth"));
        HttpTlsConfig tls = tls(s.section("tls"));
        s.finish(KEYS);
        return new HttpConfig(enabled, port, httpsPort, listen, maxUpload, idle, request, maxConnections, perClient,
                accessLog.toString().isEmpty() ? null : accessLog, trees, auth, tls);
    }

    private static int portOrOff(String text) {
        if (text.trim().equalsIgnoreCase("off")) {
            return 0;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted forms
        }
        throw new IllegalArgumentException("expected a port between 1 and 65535, or off, found '" + text + "'");
    }

    private FirmwareTrees firmwareTrees(YamlSection s) {
        String uc3 = s.value("uc3", HttpConfigReader::treePath).orElse(null);
        String uc4 = s.value("uc4", HttpConfigReader::treePath).orElse(null);
        s.finish(Set.of("uc3", "uc4"));
        return new FirmwareTrees(uc3, uc4);
    }

    private static String treePath(String text) {
        String path = text.trim().replaceAll("^/+|/+$", "");
        SafePaths.Refusal refusal = SafePaths.check(path);
        if (refusal != null) {
            throw new IllegalArgumentException("expected a directory under the served root, such as polycomuc ("
                    + refusal.reason() + ")");
        }
        return path;
    }

    private HttpAuthConfig auth(YamlSection s) {
        HttpAuthConfig d = HttpAuthConfig.none();
        Mode mode = s.value("mode", text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> Mode.NONE;
            case "basic" -> Mode.BASIC;
            case "digest" -> Mode.DIGEST;
            default -> throw new IllegalArgumentException("expected none, basic or digest, found '" + text + "'");
        }).orElse(Mode.NONE);
        String realm = s.value("realm", HttpConfigReader::realm).orElse(d.realm());
        List<Credential> accounts = new ArrayList<>();
        String user = s.string("user").orElse(null);
        String password = s.string("password").orElse(null);
        if ((user == null) != (password == null)) {
            problems.add(s.key(user == null ? "user" : "password"), s.lineOf(user == null ? "password" : "user"),
                    "user and password go together");
        } else if (user != null) {
            accounts.add(new Credential(user, password, null));
        }
        for (YamlSection phone : s.sections("phones")) {
            MacAddress mac = phone.value("mac", MacAddress::parse).orElse(null);
            String phonePassword = phone.string("password").orElse(null);
            if (mac == null || phonePassword == null) {
                problems.add(phone.key(mac == null ? "mac" : "password"), phone.line(), "required for each phone");
            } else {
                accounts.add(new Credential(phone.string("user").orElse(mac.compact()), phonePassword, mac));
            }
            phone.finish(Set.of("mac", "user", "password"));
        }
        checkUniqueUsers(s, accounts);
        Path file = s.value("credentials-file", text -> Path.of(text.trim())).orElse(null);
        List<String> algorithms = s.list("digest-algorithms", HttpConfigReader::algorithm);
        Duration nonceLifetime = s.duration("nonce-lifetime", Duration.ofSeconds(10)).orElse(d.nonceLifetime());
        Duration cache = s.duration("cache", Duration.ZERO).orElse(d.cacheTtl());
        if (mode != Mode.NONE && accounts.isEmpty() && file == null && !s.has("user") && !s.has("phones")) {
            problems.add(s.key("mode"), s.lineOf("mode"), "mode " + mode.name().toLowerCase(Locale.ROOT)
                    + " needs user and password, phones, or credentials-file");
        }
        s.finish(AUTH_KEYS);
        return new HttpAuthConfig(mode, realm, accounts, file, algorithms.isEmpty() ? d.digestAlgorithms()
                : algorithms, nonceLifetime, cache);
    }

    /** A realm goes into every challenge header: printable text only. */
    private static String realm(String text) {
        if (text.isEmpty() || text.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("expected a non-empty name without control characters");
        }
        return text;
    }

    private static String algorithm(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (!upper.equals("MD5") && !upper.equals("SHA-256")) {
            throw new IllegalArgumentException("expected MD5 or SHA-256, found '" + text + "'");
        }
        return upper;
    }

    private void checkUniqueUsers(YamlSection s, List<Credential> accounts) {
        Map<String, Credential> seen = new HashMap<>();
        for (Credential c : accounts) {
            if (seen.put(c.user(), c) != null) {
                problems.add(s.key("phones"), s.lineOf("phones"), "user name '" + c.user()
                        + "' is given twice; each account needs its own");
            }
        }
    }

    private HttpTlsConfig tls(YamlSection s) {
        Path cert = s.value("cert", text -> Path.of(text.trim())).orElse(null);
        Path key = s.value("key", text -> Path.of(text.trim())).orElse(null);
        if (s.has("cert") != s.has("key")) {
            problems.add(s.key(s.has("cert") ? "key" : "cert"), s.lineOf(s.has("cert") ? "cert" : "key"),
                    "cert and key go together");
        }
        List<String> names = s.list("names", String::trim);
        String minVersion = s.value("min-version", text -> switch (text.trim()) {
            case "1.2", "TLSv1.2" -> "TLSv1.2";
            case "1.3", "TLSv1.3" -> "TLSv1.3";
            default -> throw new IllegalArgumentException("expected 1.2 or 1.3, found '" + text + "'");
        }).orElse("TLSv1.2");
        Path clientCa = s.value("client-ca", text -> Path.of(text.trim())).orElse(null);
        boolean require = s.bool("require-client-cert").orElse(false);
        if (require && clientCa == null && !s.has("client-ca")) {
            problems.add(s.key("require-client-cert"), s.lineOf("require-client-cert"),
                    "needs http.tls.client-ca, the CA bundle that phones' certificates are checked against");
        }
        boolean acceptExpired = s.bool("accept-expired-client-certs").orElse(false);
        if (acceptExpired && clientCa == null && !s.has("client-ca")) {
            problems.add(s.key("accept-expired-client-certs"), s.lineOf("accept-expired-client-certs"),
                    "needs http.tls.client-ca: it applies to phones' client certificates");
        }
        s.finish(TLS_KEYS);
        return new HttpTlsConfig(cert, key, names, minVersion, clientCa, require, acceptExpired);
    }
}
