package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ztpbox.lab.CommandResult;
import org.ztpbox.lab.LabClient;
import org.ztpbox.lab.NetnsLab;
import org.ztpbox.lab.Prerequisites;
import org.ztpbox.lab.TftpClients;
import org.ztpbox.lab.Tools;
import org.ztpbox.lab.ZtpboxProcess;
import org.ztpbox.lab.ZtpboxYaml;

/**
 * Configuration-file encryption end to end: the real appliance (the jar) in a lab namespace with
 * {@code provisioning.encryption: on}, a phone's network namespace running real curl and tftp-hpa.
 * The first key is refused over TFTP and plain HTTP and handed over HTTPS; once the phone has
 * fetched it, its credential files travel encrypted with it, TFTP included; a {@code ztpbox keys
 * rotate} run beside the appliance reaches the phone encrypted with the key it holds.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ConfigEncryptionIT {

    private static final String SERVER = "10.233.0.1";
    private static final String PHONE = "0004f2aa814c";
    /** The phone's own HTTP account: what proves it is the phone, so that it may receive its first key. */
    private static final String OWN = PHONE + ":phone-secret";
    private static final String SHARED = "PlcmSpIp:shared-secret";
    private static final String SECRET = "<PHONE_CONFIG><ALL reg.1.auth.password=\"s3cret-line-1\"/></PHONE_CONFIG>\n";
    private static final String UA = "FileTransport PolycomVVX-VVX_410-UA/5.9.5.0614 (SN:" + PHONE
            + ") Type/Application";
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern KEY_STRING = Pattern.compile(
            "device\\.sec\\.configEncryption\\.key=\"(Crypt=1;KeyDesc=([^;]+);Key=[0-9a-f]{32};)\"");

    private Path jar;
    private NetnsLab lab;
    private LabClient phone;
    private ZtpboxProcess server;
    private int downloads;

    @BeforeEach
    void checkPrerequisites() {
        jar = Prerequisites.require(List.of("ip", "kill", "curl", "tftp"));
    }

    @AfterEach
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    private record Fetched(int status, byte[] body, CommandResult run) {
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** curl from the phone's namespace; {@code url} is http(s)://SERVER/prov/ + name. */
    private Fetched curl(String url, String... extra) throws IOException {
        Path out = lab.dir().resolve("download-" + (++downloads));
        List<String> command = new ArrayList<>(List.of(Tools.path("curl"), "-sS", "-o", out.toString(), "-w",
                "%{http_code}", "--cacert", lab.dir().resolve("state/tls/ca.crt").toString()));
        command.addAll(List.of(extra));
        command.add(url);
        CommandResult run = lab.exec(phone.namespace(), CLIENT_TIMEOUT, command.toArray(String[]::new));
        int status = run.stdout().isBlank() ? 0 : Integer.parseInt(run.stdout().strip());
        return new Fetched(status, Files.exists(out) ? Files.readAllBytes(out) : new byte[0], run);
    }

    private Fetched http(String name, String... extra) throws IOException {
        return curl("http://" + SERVER + "/prov/" + name, extra);
    }

    private Fetched https(String name, String... extra) throws IOException {
        return curl("https://" + SERVER + "/prov/" + name, extra);
    }

    /** tftp-hpa from the phone's namespace; the body is null when the server refused. */
    private Fetched tftp(String name) throws IOException {
        Path out = lab.dir().resolve("tftp-" + (++downloads));
        CommandResult run = lab.exec(phone.namespace(), CLIENT_TIMEOUT, TftpClients.tftpHpa(SERVER, 69, "octet",
                "get", name, out.toString()).toArray(String[]::new));
        boolean refused = !run.succeeded() || (run.stdout() + run.stderr()).contains("Error");
        return new Fetched(refused ? 404 : 200, refused || !Files.exists(out) ? null : Files.readAllBytes(out), run);
    }

    /** {@code ztpbox decrypt} on the host, with the appliance's own key ring. */
    private String decrypt(byte[] encrypted) throws IOException {
        Path in = Files.write(lab.dir().resolve("to-decrypt-" + (++downloads)), encrypted);
        Path plain = lab.dir().resolve("decrypted-" + downloads);
        CommandResult run = server.cli("decrypt", in.toString(), "-o", plain.toString());
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        return Files.readString(plain);
    }

    private String currentKey() {
        CommandResult list = server.cli("keys", "list", "--json");
        assertThat(list.succeeded()).as(list.describe()).isTrue();
        Matcher m = Pattern.compile("\"name\":\"([^\"]+)\",\"state\":\"current\"").matcher(list.stdout());
        assertThat(m.find()).as(list.stdout()).isTrue();
        return m.group(1);
    }

    @Test
    void theKeyTravelsOnlyOverHttpsAndThenCredentialsTravelEncryptedWithIt() throws IOException {
        lab = NetnsLab.open(SERVER + "/24");
        phone = lab.addClient("00:04:f2:aa:81:4c", "10.233.0.2/24");
        Path files = Files.createDirectories(lab.dir().resolve("state").resolve("files"));
        Files.writeString(files.resolve("000000000000.cfg"), "<APPLICATION CONFIG_FILES=\"site.cfg\"/>\n");
        Files.writeString(files.resolve("site.cfg"), SECRET);
        Files.writeString(files.resolve(PHONE + "-user.cfg"), SECRET);
        Files.writeString(files.resolve("features.cfg"),
                "<PHONE_CONFIG><ALL feature.lens.enabled=\"0\"/></PHONE_CONFIG>\n");
        server = ZtpboxProcess.start(lab, jar, ZtpboxYaml.serve("10.233.0.0/24", "10.233.0.100-10.233.0.200")
                .withMode("watch").withProvisioningUrl("http://" + SERVER + "/prov/")
                .withProvisioning("encryption", "on")
                .withProvisioning("credential-files", "[site.cfg, \"*-user.cfg\"]")
                .withHttp("auth", "{mode: basic, user: PlcmSpIp, password: shared-secret, phones: [{mac: " + PHONE
                        + ", password: phone-secret}]}"));
        await("HTTP, HTTPS and TFTP listening").atMost(Duration.ofSeconds(30)).until(() ->
                server.log().contains("HTTPS on 443") && server.log().contains("TFTP server listening on UDP port 69"));
        String first = currentKey();
        assertThat(server.log()).contains("Configuration-file encryption is on and there is no key yet: created '"
                + first + "'");
        String firstKeyFile = PHONE + "-key-" + first + ".cfg";

        // No key yet: neither the key nor any credential leaves over TFTP or plain HTTP.
        assertThat(tftp(firstKeyFile).body()).as("key file over TFTP").isNull();
        assertThat(http(firstKeyFile, "-A", UA, "-u", OWN).status()).as("key file over HTTP").isEqualTo(404);
        assertThat(tftp(PHONE + "-user.cfg").body()).as("credentials over TFTP").isNull();
        assertThat(http("site.cfg", "-A", UA, "-u", OWN).status()).as("credentials over HTTP").isEqualTo(404);
        assertThat(http("000000000000.cfg", "-u", SHARED).text()).contains("CONFIG_FILES");
        assertThat(new String(tftp("features.cfg").body(), StandardCharsets.US_ASCII)).contains("feature.lens");
        assertThat(server.log()).as("the refusal is logged with its reason")
                .contains("Refused " + firstKeyFile + " to 00:04:f2:aa:81:4c over TFTP: a phone's first key travels"
                        + " only over HTTPS");

        // Over HTTPS, a client that only claims to be the phone (its serial in the User-Agent, a shared
        // account) is not given the phone's key; nor does its master configuration list the key file.
        assertThat(https(firstKeyFile, "-A", UA, "-u", SHARED).status()).as("key file, phone not proven: a"
                + " phone's file needs its own account once phones have accounts").isEqualTo(403);
        assertThat(https("000000000000.cfg", "-A", UA, "-u", SHARED).text()).doesNotContain(firstKeyFile);
        assertThat(https("000000000000.cfg", "-A", UA, "-u", OWN).text()).contains(firstKeyFile);

        // The phone proven by its own account gets its first key, in clear inside TLS, and credentials in clear too.
        assertThat(https(PHONE + "-user.cfg", "-A", UA, "-u", OWN).text()).isEqualTo(SECRET);
        Fetched keyFile = https(firstKeyFile, "-A", UA, "-u", OWN);
        assertThat(keyFile.status()).as(keyFile.run().describe()).isEqualTo(200);
        Matcher key = KEY_STRING.matcher(keyFile.text());
        assertThat(key.find()).as(keyFile.text()).isTrue();
        assertThat(key.group(2)).isEqualTo(first);
        assertThat(keyFile.text()).contains("device.set=\"1\"", "device.sec.configEncryption.key.set=\"1\"");
        assertThat(server.cli("keys", "list", "--show").stdout()).contains(key.group(1));
        await("delivery recorded").atMost(Duration.ofSeconds(10)).until(() ->
                server.log().contains("Phone 00:04:f2:aa:81:4c now holds configuration encryption key '" + first
                        + "'"));

        // From now on its credentials travel encrypted with that key, over TFTP too.
        Fetched overTftp = tftp(PHONE + "-user.cfg");
        assertThat(overTftp.body()).as(overTftp.run().describe()).isNotNull();
        assertThat(overTftp.text()).startsWith("Crypt=1;KeyDesc=" + first + ";Digest=").doesNotContain("s3cret");
        assertThat(decrypt(overTftp.body())).isEqualTo(SECRET);
        Fetched shared = http("site.cfg", "-A", UA, "-u", OWN);
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.text()).startsWith("Crypt=1;KeyDesc=" + first + ";");
        assertThat(http("site.cfg", "-u", SHARED).status()).as("a client that does not say which phone it is")
                .isEqualTo(404);
        assertThat(https(PHONE + "-user.cfg", "-A", UA, "-u", OWN).text()).startsWith("Crypt=1;KeyDesc=" + first
                + ";");
        assertThat(http("000000000000.cfg", "-u", SHARED).text()).as("the master file stays plain")
                .contains("CONFIG_FILES");
        assertThat(tftp(firstKeyFile).body()).as("a key already held is no longer offered").isNull();

        // A rotation beside the running appliance reaches the phone encrypted with the key it holds, over TFTP.
        CommandResult rotate = server.cli("keys", "rotate", "--name", "second");
        assertThat(rotate.succeeded()).as(rotate.describe()).isTrue();
        String secondKeyFile = PHONE + "-key-second.cfg";
        byte[][] got = new byte[1][];
        await("the appliance sees the new key").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> (got[0] = tftp(secondKeyFile).body()) != null);
        String wrapped = new String(got[0], StandardCharsets.ISO_8859_1);
        assertThat(wrapped).startsWith("Crypt=1;KeyDesc=" + first + ";").doesNotContain("configEncryption");
        Matcher second = KEY_STRING.matcher(decrypt(got[0]));
        assertThat(second.find()).isTrue();
        assertThat(second.group(2)).isEqualTo("second");
        await("second delivery recorded").atMost(Duration.ofSeconds(10)).until(() ->
                server.log().contains("now holds configuration encryption key 'second'"));
        assertThat(tftp(PHONE + "-user.cfg").text()).startsWith("Crypt=1;KeyDesc=second;");

        // After a factory reset the phone has no key: forgetting it beside the running appliance stops
        // encrypted files (it could not read them) until it has fetched the key again.
        CommandResult forget = server.cli("keys", "forget", "00-04-F2-AA-81-4C");
        assertThat(forget.succeeded()).as(forget.describe()).isTrue();
        await("the appliance forgets the key").atMost(Duration.ofSeconds(10)).until(() ->
                server.log().contains("Phone 00:04:f2:aa:81:4c no longer holds a configuration encryption key"));
        assertThat(tftp(PHONE + "-user.cfg").body()).as("credentials over TFTP, no key").isNull();
        assertThat(https(PHONE + "-user.cfg", "-A", UA, "-u", OWN).text()).isEqualTo(SECRET);
        server.stop();
    }
}
