package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.lab.CommandResult;
import org.ztpbox.lab.Curl;
import org.ztpbox.lab.LabProcess;
import org.ztpbox.lab.LoopbackZtpbox;
import org.ztpbox.lab.Prerequisites;
import org.ztpbox.store.SqliteInventoryStore;

/**
 * The packaged appliance running while an admin works beside it with the CLI: an import made by
 * another process reaches the running appliance within seconds, phones that fetched files show up
 * with what they reported (unassigned until declared), firmware dropped in is indexed, and an
 * import killed at any moment leaves the old inventory or the new one, never a mix.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class InventoryLiveIT {

    private static final String VVX410_UA = "FileTransport PolycomVVX-VVX_410-UA/5.9.5.0614 (SN:0004f2aa814c)"
            + " Type/Application";
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private Path jar;
    private Curl curl;
    private LoopbackZtpbox ztpbox;

    @BeforeEach
    void setUp() throws IOException {
        jar = Prerequisites.require(List.of("curl", "kill"));
        curl = new Curl(Files.createDirectories(dir.resolve("client")));
    }

    @AfterEach
    void tearDown() {
        if (ztpbox != null) {
            ztpbox.close();
        }
    }

    private String phonesJson() {
        CommandResult phones = ztpbox.cli("phones", "--json");
        assertThat(phones.exitCode()).as(phones.describe()).isZero();
        return phones.stdout();
    }

    private void awaitPhones(String description, String... fragments) {
        await(description).atMost(SEEN_WITHIN).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(phonesJson()).contains(fragments));
    }

    @Test
    void anImportByTheCliReachesTheRunningApplianceAndThePhonesRecords() throws IOException {
        ztpbox = LoopbackZtpbox.start(jar, dir.resolve("box"));

        // A phone not in the inventory asks for its file: it becomes an unassigned record.
        Curl.Response miss = curl.run("-A", VVX410_UA, ztpbox.url("0004f2aa814c.cfg"));
        assertThat(miss.status()).as(miss.describe()).isEqualTo(404);
        awaitPhones("the phone recorded as unassigned", "{\"mac\":\"00:04:f2:aa:81:4c\",\"status\":\"unassigned\","
                + "\"observed_model\":\"VVX410\",\"firmware\":\"5.9.5.0614\",\"stage\":\"application\","
                + "\"address\":\"127.0.0.1\"");

        // The admin imports a spreadsheet export (BOM, semicolons, CRLF) while the appliance runs.
        Path csv = dir.resolve("phones.csv");
        Files.write(csv, ("\uFEFFMAC Address;Device Model;Extension;User;Line1 Password;Site\r\n"
                + "00-04-f2-aa-81-4c;VVX 410;101;Lisa Black;s3cret;HQ\r\n"
                + "0004F2AA814D;VVX 300;102;Sasha Solovey;pw2;HQ\r\n").getBytes(StandardCharsets.UTF_8));
        CommandResult imported = ztpbox.cli("import", csv.toString());
        assertThat(imported.exitCode()).as(imported.describe()).isZero();
        assertThat(imported.stdout()).contains("2 added");
        await("the running appliance sees the import").atMost(SEEN_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> ztpbox.log().contains("Inventory changed: 2 phones"));
        String phones = phonesJson();
        assertThat(phones).contains("{\"mac\":\"00:04:f2:aa:81:4c\",\"status\":\"assigned\",\"model\":\"VVX410\","
                + "\"extension\":\"101\",\"display_name\":\"Lisa Black\"", "\"firmware\":\"5.9.5.0614\"")
                .contains("{\"mac\":\"00:04:f2:aa:81:4d\",\"status\":\"not seen\",\"model\":\"VVX300\"")
                .doesNotContain("s3cret", "pw2");

        // The declared VVX 300 fetches a file over TFTP.
        Files.writeString(Files.createDirectories(ztpbox.stateDir().resolve("files")).resolve("0004f2aa814d.cfg"),
                "<PHONE_CONFIG/>\n");
        Curl.Response tftp = curl.run(ztpbox.tftpUrl("0004f2aa814d.cfg"));
        assertThat(tftp.run().exitCode()).as(tftp.describe()).isZero();
        awaitPhones("the TFTP download recorded", "{\"mac\":\"00:04:f2:aa:81:4d\",\"status\":\"assigned\"",
                "\"last_seen_via\":\"tftp\",\"last_file\":\"0004f2aa814d.cfg\"");

        // Firmware for the VVX 300 is dropped in; the VVX 410 has none.
        Path firmware = ztpbox.stateDir().resolve("firmware");
        Path image = Files.write(firmware.resolve("3111-46135-002.sip.ld"), new byte[4096]);
        Files.writeString(firmware.resolve("3111-46135-002.sip.ver"), "5.9.6.2327\n");
        Files.setLastModifiedTime(image, FileTime.from(Instant.now().minusSeconds(60)));
        await("the running appliance indexes the image").atMost(SEEN_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> ztpbox.log().contains("1 images [3111-46135-002.sip.ld 5.9.6.2327]"));
        CommandResult listing = ztpbox.cli("firmware", "--json");
        assertThat(listing.exitCode()).as(listing.describe()).isZero();
        assertThat(listing.stdout()).contains("\"models\":\"VVX300\",\"version\":\"5.9.6.2327\"",
                "{\"mac\":\"00:04:f2:aa:81:4c\",\"status\":\"assigned\",\"model\":\"VVX410\",\"running\":\"5.9.5.0614\","
                        + "\"firmware\":\"no-image\"}");

        // A crash keeps what was observed (written every second) and the inventory.
        ztpbox.kill9();
        assertThat(phonesJson()).contains("\"last_file\":\"0004f2aa814d.cfg\"", "\"display_name\":\"Lisa Black\"");
    }

    @Test
    void anImportKilledAtAnyMomentLeavesTheOldOrTheNewInventory() throws IOException {
        ztpbox = LoopbackZtpbox.start(jar, dir.resolve("box"));
        // Two inventories of 5000 phones with disjoint MACs: after any kill the store must hold
        // all of one and nothing of the other.
        int size = 5_000;
        Path[] files = {bigInventory("a.csv", 0x100000, size), bigInventory("b.csv", 0x200000, size)};
        assertThat(ztpbox.cli("import", files[0].toString()).exitCode()).isZero();
        Path db = ztpbox.stateDir().resolve("ztpbox.db");

        // The plan's summary line is printed just before the write transaction starts: kill at
        // offsets from there on, so that the kills fall before, in and after the transaction.
        List<String> outcomes = new ArrayList<>();
        int next = 1;
        for (long offset : new long[] {0, 10, 30, 60, 120, 250, 500, 1000}) {
            LabProcess importer = ztpbox.spawn("import", List.of("import", files[next].toString()));
            await("the import's plan").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2))
                    .until(() -> !importer.isAlive() || importer.log().contains(" phones: "));
            sleep(offset);
            importer.kill9();
            String held = holds(db, size);
            outcomes.add(offset + " ms: " + held);
            assertThat(held).as("after a kill %d ms into the write (so far: %s)", offset, outcomes)
                    .isIn("a.csv", "b.csv");
            next = held.equals("a.csv") ? 1 : 0;
        }
        System.out.println("Inventory after each kill: " + outcomes);
        CommandResult finished = ztpbox.cli("import", files[next].toString());
        assertThat(finished.exitCode()).as(finished.describe()).isZero();
        assertThat(holds(db, size)).isEqualTo(files[next].getFileName().toString());
    }

    private Path bigInventory(String name, int firstMac, int size) throws IOException {
        StringBuilder csv = new StringBuilder("mac,model,extension,display_name,sip_password\n");
        for (int i = 0; i < size; i++) {
            csv.append(String.format("0004f2%06x,VVX 410,%d,Phone %d,pw%d%n", firstMac + i, 1000 + i, i, i));
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    /** Which file the inventory is exactly, or a description of the mix it is. */
    private static String holds(Path db, int size) {
        try (InventoryStore inventory = SqliteInventoryStore.open(db)) {
            List<String> ranges = inventory.phones().stream().map(p -> p.mac().compact().substring(6, 8)).distinct()
                    .toList();
            if (inventory.phones().size() == size && ranges.equals(List.of("10"))) {
                return "a.csv";
            }
            if (inventory.phones().size() == size && ranges.equals(List.of("20"))) {
                return "b.csv";
            }
            return inventory.phones().size() + " phones from ranges " + ranges;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
