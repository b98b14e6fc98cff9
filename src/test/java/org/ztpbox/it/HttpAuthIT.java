package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.lab.Curl;
import org.ztpbox.lab.LoopbackHttpServer;
import org.ztpbox.lab.Prerequisites;

/**
 * curl with Basic and Digest credentials (right, wrong, missing) against the HTTP server in this
 * JVM, and per-phone isolation: one phone's credentials never fetch or overwrite another's files.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpAuthIT {

    private static final String PHONE_A = "0004f2000001";
    private static final String PHONE_B = "0004f2000002";
    private static final String PER_PHONE = """
            https-port: off
            auth:
              mode: %s
              user: PlcmSpIp
              password: shared-secret
              phones:
                - {mac: %s, password: secret-a}
                - {mac: %s, password: secret-b}
            """;

    @TempDir
    Path dir;
    private Curl curl;
    private LoopbackHttpServer server;

    @BeforeEach
    void setUp() throws IOException {
        Prerequisites.requirePrograms(Curl.PROGRAMS);
        curl = new Curl(Files.createDirectories(dir.resolve("client")));
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private void start(String httpSection) {
        server = LoopbackHttpServer.start(dir.resolve("state"), httpSection);
        server.serve("000000000000.cfg", "master");
        server.serve(PHONE_A + ".cfg", "reg.1.auth.password=\"sip-a\"");
        server.serve(PHONE_B + ".cfg", "reg.1.auth.password=\"sip-b\"");
    }

    @Test
    void basicRightWrongMissing() {
        start(PER_PHONE.formatted("basic", PHONE_A, PHONE_B));
        Curl.Response right = curl.run("-u", "PlcmSpIp:shared-secret", server.url("000000000000.cfg"));
        assertThat(right.status()).as(right.describe()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("master");

        Curl.Response wrong = curl.run("-u", "PlcmSpIp:guess", server.url("000000000000.cfg"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("master");
        Curl.Response missing = curl.run(server.url("000000000000.cfg"));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Basic realm=\"ztpbox\", charset=\"UTF-8\"");
    }

    @Test
    void digestMd5RightWrongMissing() {
        start(PER_PHONE.formatted("digest", PHONE_A, PHONE_B) + "  digest-algorithms: [MD5]\n");
        Curl.Response right = curl.run("-v", "--digest", "-u", "PlcmSpIp:shared-secret", server.url("000000000000.cfg"));
        assertThat(right.status()).as(right.describe()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("master");
        assertThat(right.run().stderr()).contains("> Authorization: Digest username=\"PlcmSpIp\"")
                .containsPattern("algorithm=\"?MD5");

        Curl.Response wrong = curl.run("--digest", "-u", "PlcmSpIp:guess", server.url("000000000000.cfg"));
        assertThat(wrong.status()).isEqualTo(401);
        Curl.Response missing = curl.run(server.url("000000000000.cfg"));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Digest realm=\"ztpbox\", qop=\"auth\", algorithm=MD5");
        // Basic is not accepted when Digest is configured: the password would cross the LAN in clear.
        assertThat(curl.run("--basic", "-u", "PlcmSpIp:shared-secret", server.url("000000000000.cfg")).status())
                .isEqualTo(401);
    }

    @Test
    void digestSha256RightAndWrong() {
        start(PER_PHONE.formatted("digest", PHONE_A, PHONE_B) + "  digest-algorithms: [SHA-256]\n");
        Curl.Response right = curl.run("-v", "--digest", "-u", "PlcmSpIp:shared-secret", server.url("000000000000.cfg"));
        assertThat(right.status()).as(right.describe()).isEqualTo(200);
        assertThat(right.run().stderr()).containsPattern("algorithm=\"?SHA-256");
        assertThat(curl.run("--digest", "-u", "PlcmSpIp:guess", server.url("000000000000.cfg")).status())
                .isEqualTo(401);
    }

    @Test
    void perPhoneCredentialsFetchOnlyTheirOwnFiles() throws IOException {
        start(PER_PHONE.formatted("digest", PHONE_A, PHONE_B));
        String a = PHONE_A + ":secret-a";
        Curl.Response own = curl.run("--digest", "-u", a, server.url(PHONE_A + ".cfg"));
        assertThat(own.status()).as(own.describe()).isEqualTo(200);
        assertThat(own.body()).contains("sip-a");
        assertThat(curl.run("--digest", "-u", a, server.url("000000000000.cfg")).status()).isEqualTo(200);

        Curl.Response other = curl.run("--digest", "-u", a, server.url(PHONE_B + ".cfg"));
        assertThat(other.status()).as("phone A's credentials asking for phone B's file").isEqualTo(403);
        assertThat(other.body()).doesNotContain("sip-b");
        assertThat(curl.run("--digest", "-u", a, server.url(PHONE_B.toUpperCase() + ".cfg")).status()).isEqualTo(403);
        // The shared pair may fetch shared files, but no phone's own file once per-phone accounts exist.
        assertThat(curl.run("--digest", "-u", "PlcmSpIp:shared-secret", server.url(PHONE_B + ".cfg")).status())
                .isEqualTo(403);
        assertThat(curl.run("--digest", "-u", PHONE_B + ":secret-b", server.url(PHONE_B + ".cfg")).body())
                .contains("sip-b");

        Path log = Files.writeString(dir.resolve("client/app.log"), "log of A\n");
        assertThat(curl.run("--digest", "-u", a, "-T", log.toString(), server.url("logs/" + PHONE_A + "-app.log"))
                .status()).isEqualTo(201);
        Curl.Response overwrite = curl.run("--digest", "-u", a, "-T", log.toString(),
                server.url("overrides/" + PHONE_B + "-phone.cfg"));
        assertThat(overwrite.status()).as("phone A writing phone B's override file").isEqualTo(403);
        assertThat(server.uploads().resolve(PHONE_A + "/" + PHONE_A + "-app.log")).hasContent("log of A\n");
        assertThat(server.uploads().resolve(PHONE_B)).doesNotExist();

        PhoneEvent refused = server.events().stream().filter(e -> "403".equals(e.detail("status"))).findFirst()
                .orElseThrow();
        assertThat(refused.details()).containsEntry("user", PHONE_A).containsEntry("auth", "ok")
                .containsEntry("note", "credentials of 00:04:f2:00:00:01 asked for a file of 00:04:f2:00:00:02");
        assertThat(server.events()).filteredOn(e -> "401".equals(e.detail("status"))).isNotEmpty();
        assertThat(server.events()).allSatisfy(e -> assertThat(e.details().values()).noneMatch(v -> v.contains("secret")));
    }

    @Test
    void credentialsFileAddsPerPhoneAccounts() throws IOException {
        Path file = Files.writeString(dir.resolve("phones.csv"), "# mac,user,password\n"
                + PHONE_A + ",,from-file\n");
        start("https-port: off\nauth:\n  mode: basic\n  credentials-file: " + file + "\n");
        assertThat(curl.run("-u", PHONE_A + ":from-file", server.url(PHONE_A + ".cfg")).status()).isEqualTo(200);
        assertThat(curl.run("-u", PHONE_A + ":from-file", server.url(PHONE_B + ".cfg")).status()).isEqualTo(403);
        assertThat(curl.run("-u", PHONE_A + ":wrong", server.url(PHONE_A + ".cfg")).status()).isEqualTo(401);
    }
}
