package org.ztpbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneRecord;
import org.ztpbox.store.SqlitePhoneRecordStore;

/** import, export, phones and firmware as an admin runs them: output, exit codes, what is stored. */
class InventoryCommandsTest {

    private static final String INVENTORY = "MAC Address;Device Model;Extension;User;Line1 Password;Site;Cost Center\r\n"
            + "00:04:F2:AA:81:4C;VVX 410;101;Lisa Black;s3cret;HQ;4711\r\n"
            + "0004f2aa814d;Polycom Soundpoint IP 550;102;\"Solovey; Sasha\";pw2;HQ;4712\r\n";

    @TempDir
    Path dir;
    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;

    @BeforeEach
    void setUp() throws Exception {
        savedOut = System.out;
        savedErr = System.err;
        savedIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        config = Files.writeString(dir.resolve("ztpbox.yaml"), "state-dir: " + dir.resolve("state") + "\n");
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.setIn(savedIn);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        String[] withConfig = new String[args.length + 2];
        System.arraycopy(args, 0, withConfig, 0, args.length);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = config.toString();
        return Main.execute(withConfig);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void importsAFileAndListsThePhonesWithoutPasswords() throws Exception {
        assertThat(run("import", file("phones.csv", INVENTORY).toString())).isZero();
        assertThat(out.toString()).contains("phones.csv (semicolon-separated, UTF-8): 2 phones: 2 added, 0 changed,"
                + " 0 removed, 0 unchanged", "+ 00:04:f2:aa:81:4c", "imported 2 phones (inventory generation 1)");

        assertThat(run("phones", "--json")).isZero();
        assertThat(out.toString()).contains("\"mac\":\"00:04:f2:aa:81:4c\",\"status\":\"not seen\",\"model\":\"VVX410\","
                + "\"extension\":\"101\",\"display_name\":\"Lisa Black\"").contains("\"display_name\":\"Solovey; Sasha\"")
                .doesNotContain("s3cret", "pw2");
        assertThat(run("phones")).isZero();
        assertThat(out.toString()).contains("2 phones: 2 in the inventory (2 never seen), 0 unassigned")
                .doesNotContain("s3cret");
    }

    @Test
    void aFileWithErrorsImportsNothingAndExitsWith2NamingLineAndColumn() throws Exception {
        run("import", file("good.csv", INVENTORY).toString());

        int code = run("import", file("bad.csv", "mac,model\n0004f2aa814c,VVX 410\nnot-a-mac,VVX 410\n"
                + "00:04:f2:aa:81:4c,VVX 300\n").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.csv: line 3, column A (mac): 'not-a-mac' is not a MAC address",
                "bad.csv: line 4, column A (mac): MAC 00:04:f2:aa:81:4c is also on line 2",
                "bad.csv: 2 errors, nothing imported");
        run("phones", "--json");
        assertThat(out.toString()).contains("Lisa Black", "Solovey; Sasha");
    }

    @Test
    void aDryRunShowsTheChangesAndChangesNothing() throws Exception {
        run("import", file("one.csv", INVENTORY).toString());
        String edited = INVENTORY.replace("Lisa Black", "Lisa White").replace(";s3cret;", ";;")
                .replace("0004f2aa814d;Polycom Soundpoint IP 550;102;\"Solovey; Sasha\";pw2;HQ;4712\r\n", "")
                + "0004f2aa814e;VVX 300;103;Sue;x;HQ;1\r\n";

        assertThat(run("import", "--dry-run", file("two.csv", edited).toString())).isZero();

        assertThat(out.toString()).contains("1 added, 1 changed, 1 removed, 0 unchanged", "+ 00:04:f2:aa:81:4e",
                "~ 00:04:f2:aa:81:4c  display_name", "- 00:04:f2:aa:81:4d",
                "stored passwords kept for 1 phone whose password cells are empty", "dry run: nothing changed");
        run("phones", "--json");
        assertThat(out.toString()).contains("Lisa Black").doesNotContain("Lisa White");
    }

    @Test
    void exportThenImportChangesNothingWithOrWithoutSecrets() throws Exception {
        run("import", file("phones.csv", INVENTORY).toString());

        assertThat(run("export")).isZero();
        String withoutSecrets = out.toString();
        assertThat(withoutSecrets).startsWith("mac,model,extension,display_name,sip_user,sip_password,auth_domain,"
                + "registrar,site,cost_center\r\n00:04:f2:aa:81:4c,VVX410,101,Lisa Black,,,,,HQ,4711\r\n")
                .doesNotContain("s3cret");
        assertThat(run("import", file("export.csv", withoutSecrets).toString())).isZero();
        assertThat(out.toString()).contains("0 added, 0 changed, 0 removed, 2 unchanged");

        Path exported = dir.resolve("with-secrets.csv");
        assertThat(run("export", "--include-secrets", exported.toString())).isZero();
        assertThat(Files.readString(exported)).contains(",s3cret,", ",pw2,");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(exported))).isEqualTo("rw-------");
        assertThat(run("import", exported.toString())).isZero();
        assertThat(out.toString()).contains("0 added, 0 changed, 0 removed, 2 unchanged");
    }

    @Test
    void readsStandardInput() {
        System.setIn(new ByteArrayInputStream(INVENTORY.getBytes(StandardCharsets.UTF_8)));

        assertThat(run("import", "-")).isZero();
        assertThat(out.toString()).contains("2 added");
    }

    @Test
    void anUnreadableFileIsAUsageError() {
        assertThat(run("import", dir.resolve("nope.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read");
    }

    @Test
    void aFirmwareDirectoryThatCannotBeCreatedIsAConfigurationError() throws Exception {
        Path notADirectory = file("firmware", "a file where the directory should be");
        config = Files.writeString(dir.resolve("ztpbox.yaml"), "network:\n  interface: lo\n  address: 127.0.0.1\n"
                + "provisioning:\n  firmware-dir: " + notADirectory + "\nstate-dir: " + dir.resolve("state") + "\n");

        assertThat(run("run")).isEqualTo(2);
        assertThat(err.toString()).contains("provisioning.firmware-dir", "cannot create " + notADirectory);
    }

    @Test
    void listsFirmwareAndThePhonesWhoseModelHasNoImage() throws Exception {
        run("import", file("phones.csv", INVENTORY).toString());
        try (SqlitePhoneRecordStore records = SqlitePhoneRecordStore.open(dir.resolve("state/ztpbox.db"))) {
            Instant seen = Instant.parse("2026-11-22T10:00:00Z");
            records.save(java.util.List.of(new PhoneRecord(MacAddress.parse("0004f2aa814c"), "VVX410", null,
                    "5.9.5.0614", null, "application", "10.0.0.9", seen, seen, "http", null, null)));
        }
        Path firmware = Files.createDirectories(dir.resolve("state/firmware"));
        Path image = Files.write(firmware.resolve("3111-46162-001.sip.ld"), new byte[64]);
        Files.setLastModifiedTime(image, FileTime.from(Instant.now().minusSeconds(60)));
        Files.writeString(firmware.resolve("sip.ver"), "6.4.3.0001\n");

        assertThat(run("firmware", "--json")).isZero();
        assertThat(out.toString()).contains("{\"file\":\"3111-46162-001.sip.ld\",\"part_number\":\"3111-46162-001\","
                + "\"models\":\"VVX410\",\"version\":\"6.4.3.0001\",\"size\":\"64\"}")
                .contains("{\"mac\":\"00:04:f2:aa:81:4c\",\"status\":\"assigned\",\"model\":\"VVX410\",\"running\":"
                        + "\"5.9.5.0614\",\"image\":\"3111-46162-001.sip.ld\",\"image_version\":\"6.4.3.0001\","
                        + "\"firmware\":\"will-update\"}")
                .contains("{\"mac\":\"00:04:f2:aa:81:4d\",\"status\":\"not seen\",\"model\":\"SPIP550\","
                        + "\"firmware\":\"no-image\"}");
        assertThat(run("firmware")).isZero();
        assertThat(out.toString()).contains("no image for SPIP550 (1 phone)");
    }
}
