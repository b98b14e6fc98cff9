package org.ztpbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztpbox.config.ConfigException.ConfigProblem;
import org.ztpbox.config.HttpAuthConfig.Mode;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;

class HttpConfigReaderTest {

    private static List<ConfigProblem> problems(String yaml) {
        ConfigException e = (ConfigException) catchThrowable(() -> ConfigLoader.parse("ztpbox.yaml", yaml));
        assertThat(e).as("the config should be refused").isNotNull();
        return e.problems();
    }

    @Test
    void defaults() {
        HttpConfig h = ConfigLoader.defaults().http();
        assertThat(h.enabled()).isTrue();
        assertThat(h.port()).isEqualTo(80);
        assertThat(h.httpsPort()).isEqualTo(443);
        assertThat(h.listen()).isNull();
        assertThat(h.maxUpload()).isEqualTo(16L << 20);
        assertThat(h.accessLog()).isEqualTo(Path.of("log/http-access.log"));
        assertThat(h.auth().mode()).isEqualTo(Mode.NONE);
        assertThat(h.auth().digestAlgorithms()).containsExactly("MD5", "SHA-256");
        assertThat(h.tls().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(h.tls().clientCa()).isNull();
        assertThat(h.firmwareTrees()).isEqualTo(HttpConfig.FirmwareTrees.NONE);
    }

    @Test
    void readsEveryKey() {
        HttpConfig h = ConfigLoader.parse("t", """
                http:
                  enabled: yes
                  port: 8080
                  https-port: off
                  listen: 127.0.0.1
                  max-upload: 1m
                  idle-timeout: 10s
                  request-timeout: 5s
                  max-connections: 50
                  max-connections-per-client: 5
                  access-log: off
                  firmware-trees:
                    uc3: /polycom/
                    uc4: polycomuc
                  auth:
                    mode: digest
                    realm: office
                    user: PlcmSpIp
                    password: secret
                    phones:
                      - mac: 00:04:F2:AA:81:4C
                        password: p1
                      - mac: 0004f2aa814d
                        user: lobby
                        password: p2
                    credentials-file: /etc/ztpbox/phones.csv
                    digest-algorithms: [sha-256]
                    nonce-lifetime: 2m
                    cache: 0
                  tls:
                    cert: /etc/ztpbox/server.crt
                    key: /etc/ztpbox/server.key
                    names: [prov.lan]
                    min-version: 1.3
                    client-ca: /etc/ztpbox/poly.pem
                    require-client-cert: true
                """).http();
        assertThat(h.port()).isEqualTo(8080);
        assertThat(h.httpsPort()).isZero();
        assertThat(h.listen()).isEqualTo(Ipv4Address.parse("127.0.0.1"));
        assertThat(h.maxUpload()).isEqualTo(1L << 20);
        assertThat(h.idleTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(h.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(h.maxConnections()).isEqualTo(50);
        assertThat(h.maxConnectionsPerClient()).isEqualTo(5);
        assertThat(h.accessLog()).isNull();
        assertThat(h.firmwareTrees()).isEqualTo(new HttpConfig.FirmwareTrees("polycom", "polycomuc"));
        HttpAuthConfig a = h.auth();
        assertThat(a.mode()).isEqualTo(Mode.DIGEST);
        assertThat(a.realm()).isEqualTo("office");
        assertThat(a.accounts()).containsExactly(new HttpAuthConfig.Credential("PlcmSpIp", "secret", null),
                new HttpAuthConfig.Credential("0004f2aa814c", "p1", MacAddress.parse("0004f2aa814c")),
                new HttpAuthConfig.Credential("lobby", "p2", MacAddress.parse("0004f2aa814d")));
        assertThat(a.credentialsFile()).isEqualTo(Path.of("/etc/ztpbox/phones.csv"));
        assertThat(a.digestAlgorithms()).containsExactly("SHA-256");
        assertThat(a.nonceLifetime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(a.cacheTtl()).isZero();
        assertThat(h.tls()).isEqualTo(new HttpTlsConfig(Path.of("/etc/ztpbox/server.crt"),
                Path.of("/etc/ztpbox/server.key"), List.of("prov.lan"), "TLSv1.3", Path.of("/etc/ztpbox/poly.pem"), true,
                false));
        assertThat(h.tls().protocols()).containsExactly("TLSv1.3");
    }

    @Test
    void passwordsNeverShowInToString() {
        HttpAuthConfig a = ConfigLoader.parse("t", """
                http:
                  auth: {mode: basic, user: u, password: hunter2}
                """).http().auth();
        assertThat(a.toString()).doesNotContain("hunter2");
    }

    @Test
    void unknownKeysAreReportedWithLineAndSuggestion() {
        assertThat(problems("""
                http:
                  port: 80
                  auth:
                    mode: digest
                    user: u
                    pasword: x
                """)).extracting(ConfigProblem::key, ConfigProblem::line, ConfigProblem::message)
                .containsExactly(tuple("http.auth.password", 5, "user and password go together"),
                        tuple("http.auth.pasword", 6, "unknown key (did you mean 'password'?)"));
        ConfigProblem tls = problems("http:\n  tls:\n    client-cert: x\n").get(0);
        assertThat(tls.key()).isEqualTo("http.tls.client-cert");
        assertThat(tls.message()).contains("unknown key");
    }

    @Test
    void inconsistentSettingsAreRefused() {
        assertThat(problems("http:\n  port: 8443\n  https-port: 8443\n").get(0).key()).isEqualTo("http.https-port");
        assertThat(problems("http:\n  auth:\n    mode: digest\n").get(0).message()).contains("needs user and password");
        assertThat(problems("http:\n  auth:\n    mode: kerberos\n").get(0).message()).contains("none, basic or digest");
        assertThat(problems("http:\n  auth:\n    realm: \"a\\r\\nX-Injected: 1\"\n").get(0).key())
                .isEqualTo("http.auth.realm");
        assertThat(problems("http:\n  auth:\n    digest-algorithms: [SHA-512]\n").get(0).key())
                .isEqualTo("http.auth.digest-algorithms[0]");
        assertThat(problems("http:\n  tls:\n    cert: /a.crt\n").get(0).key()).isEqualTo("http.tls.key");
        assertThat(problems("http:\n  tls:\n    require-client-cert: true\n").get(0).message()).contains("client-ca");
        assertThat(problems("http:\n  tls:\n    accept-expired-client-certs: true\n").get(0).message())
                .contains("client-ca");
        assertThat(problems("http:\n  firmware-trees:\n    uc3: ../etc\n").get(0).key())
                .isEqualTo("http.firmware-trees.uc3");
        assertThat(problems("""
                http:
                  auth:
                    mode: basic
                    phones:
                      - {mac: 0004f2aa814c, user: same, password: a}
                      - {mac: 0004f2aa814d, user: same, password: b}
                """).get(0).message()).contains("given twice");
        assertThat(problems("http:\n  auth:\n    phones:\n      - {mac: 0004f2aa814c}\n").get(0).key())
                .isEqualTo("http.auth.phones[0].password");
    }
}
