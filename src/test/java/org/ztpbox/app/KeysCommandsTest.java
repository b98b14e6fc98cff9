package org.ztpbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ztpbox keys}, {@code encrypt} and {@code decrypt} as an admin runs them: output, files, exit codes. */
class KeysCommandsTest {

    private static final String CONFIG = "<PHONE_CONFIG><ALL reg.1.auth.password=\"s3cret\"/></PHONE_CONFIG>\n";

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private String config;

    @BeforeEach
    void capture() throws Exception {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        config = Files.writeString(dir.resolve("ztpbox.yaml"), "state-dir: " + dir.resolve("state") + "\n").toString();
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.execute(args);
    }

    private String keyFileText(String name) throws Exception {
        return Files.readString(dir.resolve("state/keys/" + name + ".key"));
    }

    @Test
    void forgetRemovesWhatAPhoneHoldsWhateverTheMacSpelling() {
        org.ztpbox.core.MacAddress phone = org.ztpbox.core.MacAddress.parse("0004f2aa814c");
        org.ztpbox.core.MacAddress other = org.ztpbox.core.MacAddress.parse("0004f2000002");
        try (org.ztpbox.store.SqliteLeaseStore store = openStore()) {
            store.keyDeliveries().recordDelivered(phone, "k1", java.time.Instant.now());
            store.keyDeliveries().recordDelivered(other, "k1", java.time.Instant.now());
        }

        assertThat(run("keys", "forget", "00-04-F2-AA-81-4C", "--config", config)).isZero();
        assertThat(out.toString()).contains("Forgot the encryption key of 00:04:f2:aa:81:4c");
        try (org.ztpbox.store.SqliteLeaseStore store = openStore()) {
            assertThat(store.keyDeliveries().loadHeldKeys()).containsOnlyKeys(other);
        }

        assertThat(run("keys", "forget", "0004f2aa814c", "--config", config)).isZero();
        assertThat(out.toString()).contains("holds no encryption key as far as ztpbox knows");
        assertThat(run("keys", "forget", "not-a-mac", "--config", config)).isEqualTo(2);
    }

    private org.ztpbox.store.SqliteLeaseStore openStore() {
        return org.ztpbox.store.SqliteLeaseStore.open(dir.resolve("state/ztpbox.db"));
    }

    @Test
    void createListAndRotateWithoutEverPrintingKeyMaterialUnlessAsked() throws Exception {
        assertThat(run("keys", "list", "--config", config)).isZero();
        assertThat(out.toString()).contains("0 keys");

        assertThat(run("keys", "create", "--name", "office-1", "--config", config)).isZero();
        assertThat(out.toString()).contains("Created key 'office-1' (current).", "provisioning.encryption is off");
        String secret = keyFileText("office-1").replaceAll("(?s).*Key=([0-9a-f]{32});.*", "$1");
        assertThat(secret).hasSize(32);
        assertThat(Files.getPosixFilePermissions(dir.resolve("state/keys")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));

        assertThat(run("keys", "rotate", "--config", config)).isZero();
        assertThat(out.toString()).containsPattern("'ztpbox-\\d{8}' is current, 'office-1' previous");

        assertThat(run("keys", "list", "--config", config)).isZero();
        assertThat(out.toString()).containsPattern("ztpbox-\\d{8} +current").containsPattern("office-1 +previous")
                .contains("2 keys").doesNotContain(secret).doesNotContain("Key=");
        assertThat(run("keys", "list", "--json", "--config", config)).isZero();
        assertThat(out.toString()).startsWith("[").contains("\"name\":\"office-1\"", "\"state\":\"previous\"")
                .doesNotContain(secret);

        assertThat(run("keys", "list", "--show", "--json", "--config", config)).isZero();
        assertThat(out.toString()).contains("\"key\":\"Crypt=1;KeyDesc=office-1;Key=" + secret + ";\"");
    }

    @Test
    void refusalsExitWith1AndUsageErrorsWith2() {
        assertThat(run("keys", "rotate", "--config", config)).isEqualTo(1);
        assertThat(err.toString()).contains("ztpbox: no key to rotate yet; 'ztpbox keys create' makes the first one");
        assertThat(run("keys", "create", "--config", config)).isZero();
        assertThat(run("keys", "create", "--config", config)).isEqualTo(1);
        assertThat(err.toString()).contains("already has a current key");
        assertThat(run("keys", "create", "--name", "a;b", "--config", config)).isEqualTo(1);
        assertThat(err.toString()).contains("1-64 letters, digits");

        assertThat(run("keys", "--config", config)).isEqualTo(2);
        assertThat(run("keys")).isEqualTo(2);
        assertThat(run("keys", "list", "--jsn", "--config", config)).isEqualTo(2);
    }

    @Test
    void encryptThenDecryptGivesBackTheFileByTheKeyNamedInItsHeader() throws Exception {
        run("keys", "create", "--name", "k1", "--config", config);
        Path plain = Files.writeString(dir.resolve("site.cfg"), CONFIG);

        assertThat(run("encrypt", plain.toString(), "--config", config)).isZero();
        Path encrypted = dir.resolve("site.cfg.enc");
        assertThat(out.toString()).contains("with key 'k1' into " + encrypted);
        assertThat(Files.readString(encrypted, StandardCharsets.ISO_8859_1)).startsWith("Crypt=1;KeyDesc=k1;Digest=")
                .doesNotContain("s3cret");
        assertThat(run("encrypt", plain.toString(), "--config", config)).as("never over an existing file")
                .isEqualTo(1);
        assertThat(err.toString()).contains("exists; name the output with -o");

        run("keys", "rotate", "--name", "k2", "--config", config);
        Path back = dir.resolve("back.cfg");
        assertThat(run("decrypt", encrypted.toString(), "-o", back.toString(), "--config", config)).isZero();
        assertThat(Files.readString(back)).isEqualTo(CONFIG);
        assertThat(Files.getPosixFilePermissions(back)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(run("decrypt", encrypted.toString(), "--config", config)).isZero();
        assertThat(out.toString()).isEqualTo(CONFIG);

        assertThat(run("encrypt", plain.toString(), "--key", "k1", "-o", dir.resolve("k1.enc").toString(),
                "--config", config)).isZero();
        assertThat(Files.readString(dir.resolve("k1.enc"), StandardCharsets.ISO_8859_1))
                .startsWith("Crypt=1;KeyDesc=k1;");
        assertThat(run("encrypt", encrypted.toString(), "-o", dir.resolve("twice").toString(), "--config", config))
                .isEqualTo(1);
        assertThat(err.toString()).contains("is already encrypted (with key 'k1')");
    }

    @Test
    void decryptWithTheWrongKeyMaterialFailsClearly() throws Exception {
        run("keys", "create", "--name", "k1", "--config", config);
        Path plain = Files.writeString(dir.resolve("site.cfg"), CONFIG);
        run("encrypt", plain.toString(), "--config", config);
        // Another appliance's key under the same name: what a restored-from-elsewhere key ring looks like.
        Path keyFile = dir.resolve("state/keys/k1.key");
        Files.writeString(keyFile, keyFileText("k1").replaceAll("Key=[0-9a-f]{32};", "Key=" + "ab".repeat(16) + ";"));

        assertThat(run("decrypt", dir.resolve("site.cfg.enc").toString(), "--config", config)).isEqualTo(1);
        assertThat(err.toString()).contains("ztpbox: wrong key: the file does not decrypt with the key named 'k1'");
        assertThat(run("decrypt", plain.toString(), "--config", config)).isEqualTo(1);
        assertThat(err.toString()).contains("not an encrypted configuration file");
        assertThat(run("decrypt", dir.resolve("missing").toString(), "--config", config)).isEqualTo(1);
        assertThat(err.toString()).contains("NoSuchFileException");
    }
}
