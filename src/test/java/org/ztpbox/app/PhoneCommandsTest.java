package org.ztpbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.FlatJson;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.store.SqliteLeaseStore;

/** reset-guide, timeline, prepare-reset and restore-overrides as an admin runs them: output and exit codes. */
class PhoneCommandsTest {

    private static final MacAddress MAC = MacAddress.parse("0004f2aa814c");

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        config = Files.writeString(dir.resolve("ztpbox.yaml"), "network:\n  interface: lo\n  address: 10.0.0.2\n"
                + "provisioning:\n  url: http://10.0.0.2/prov/\nstate-dir: " + dir.resolve("state") + "\n");
    }

    private int run(String... args) {
        console.reset();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return Main.execute(all);
    }

    private void store(PhoneEvent... events) {
        try (SqliteLeaseStore store = SqliteLeaseStore.open(dir.resolve("state/ztpbox.db"))) {
            store.commit(List.of(), List.of(events));
        }
    }

    @Test
    void theResetGuideTakesAnyMacSpellingAndGivesTheKeystrokes() {
        for (String mac : List.of("0004f2aa814c", "00:04:F2:AA:81:4C", "00-04-f2-aa-81-4c")) {
            assertThat(run("reset-guide", mac, "--model", "VVX 410")).as(mac).isZero();
        }
        assertThat(console.out()).contains("Model: VVX 410 (given with --model)",
                "hold 1, 3 and 5 during the countdown",
                "Password (the MAC address): 0004f2aa814c",
                "Keys: 0 0 0 4 [mode] 333 [mode x2] 2 [mode] 2 (wait) 2 [mode x2] 8 1 4 [mode] 222",
                "f     Select the input modifier once to toggle into lower case letter mode",
                "      Wait for two seconds for the blinking cursor to return",
                "Server Type: HTTP.", "Server Address: 10.0.0.2/prov/", "Server Address keys: 1 0 * 0 * 0 * 2 #");
    }

    @Test
    void theResetGuideUsesTheObservedModelAndGivesJson() {
        store(new PhoneEvent(Instant.parse("2024-05-01T10:00:00Z"), MAC, "dhcp", "DISCOVER",
                Map.of("model", "SoundPointIP-SPIP_550", "stage", "boot")));

        assertThat(run("reset-guide", "00:04:f2:aa:81:4c", "--json")).isZero();

        assertThat(console.out()).contains("\"model\": \"SoundPoint IP 550\"",
                "\"model_source\": \"observed in DHCP option 60 ('SoundPointIP-SPIP_550') at 2024-05-01T10:00:00Z\"",
                "\"keys\": [\n        \"4\",\n        \"6\",\n        \"8\",\n        \"*\"\n      ]",
                "\"password_keys_compact\": \"0 0 0 4 [mode] 333 [mode x2] 2 [mode] 2 (wait) 2 [mode x2] 8 1 4 [mode] 222\"",
                "\"text\": \"Wait for two seconds for the blinking cursor to return\"",
                "\"server_type\": \"HTTP\"");
    }

    @Test
    void badMacsAndModelsAreUsageErrors() {
        assertThat(run("reset-guide", "0004f2aa81")).isEqualTo(2);
        assertThat(console.err()).contains("need 12 hex digits", "00:04:F2:AA:81:4C");
        assertThat(run("reset-guide", MAC.toString(), "--model", "Nokia 3310")).isEqualTo(2);
        assertThat(console.err()).contains("unknown model 'Nokia 3310'");
        assertThat(run("timeline", MAC.toString(), "--since", "yesterday")).isEqualTo(2);
        assertThat(console.err()).contains("--since 'yesterday'");
    }

    @Test
    void theTimelineShowsEveryEventInOrderWithOtherServersNamed() {
        Instant t = Instant.now().minusSeconds(600);
        store(new PhoneEvent(t, MAC, "dhcp", "REQUEST", Map.of("server_id", "192.0.2.1", "requested_address",
                        "192.0.2.77", "outcome", "watch mode")),
                new PhoneEvent(t.plusSeconds(5), MAC, "http", "GET", Map.of("path", "/prov/000000000000.cfg",
                        "status", "200", "bytes", "310", "client", "10.0.0.57:40000")),
                new PhoneEvent(t.plusSeconds(9), MAC, "http", "PUT", Map.of("path", "/prov/0004f2aa814c-app.log",
                        "status", "201", "bytes", "20", "client", "10.0.0.57:40001")),
                new PhoneEvent(t.minusSeconds(7200), MacAddress.parse("64167f30a755"), "http", "GET",
                        Map.of("path", "/prov/other.cfg", "status", "200")));

        assertThat(run("timeline", "00-04-F2-AA-81-4C")).isZero();

        String text = console.out();
        assertThat(text).contains("Timeline of 00:04:f2:aa:81:4c: 3 events", "server 192.0.2.1 (not ztpbox)",
                "/prov/000000000000.cfg -> 200", "/prov/0004f2aa814c-app.log -> 201").doesNotContain("other.cfg");
        assertThat(text.indexOf("REQUEST")).isLessThan(text.indexOf("GET")).isLessThan(text.indexOf("PUT"));

        assertThat(run("timeline", MAC.toString(), "--limit", "1")).isZero();
        assertThat(console.out()).contains("1 event,").doesNotContain("REQUEST");
        assertThat(run("timeline", MAC.toString(), "--since", "1s")).isZero();
        assertThat(console.out()).contains("0 events since");

        assertThat(run("timeline", MAC.toString(), "--json")).isZero();
        assertThat(console.out()).contains("\"summary\": \"asks for 192.0.2.77, server 192.0.2.1 (not ztpbox),"
                + " ztpbox did not answer: watch mode\"", "\"findings\": []");
    }

    @Test
    void prepareResetQuarantinesAndRestoreBringsBackWithTheTimelineTellingBoth() throws Exception {
        Path uploads = Files.createDirectories(dir.resolve("state/uploads/0004f2aa814c"));
        Files.writeString(uploads.resolve("0004f2aa814c-phone.cfg"),
                "<PHONE_CONFIG><OVERRIDES device.prov.serverName=\"old-pbx\" device.prov.serverName.set=\"1\"/>"
                        + "</PHONE_CONFIG>");

        assertThat(run("timeline", MAC.toString())).isZero();
        assertThat(console.out()).contains("CRITICAL  override-provisioning-server  00:04:f2:aa:81:4c");

        try (SqliteLeaseStore store = SqliteLeaseStore.open(dir.resolve("state/ztpbox.db"))) {
            store.keyDeliveries().recordDelivered(MAC, "k1", Instant.now());
        }
        assertThat(run("prepare-reset", MAC.toString(), "--by", "alice", "--reason", "new owner")).isZero();
        assertThat(console.out()).contains("Forgot the phone's configuration encryption key");
        try (SqliteLeaseStore store = SqliteLeaseStore.open(dir.resolve("state/ztpbox.db"))) {
            assertThat(store.keyDeliveries().loadHeldKeys()).as("the reset erases the phone's key").isEmpty();
        }
        assertThat(console.out()).contains("Quarantine 1 of 00:04:f2:aa:81:4c by alice (new owner)",
                "moved uploads/0004f2aa814c/0004f2aa814c-phone.cfg to quarantine/0004f2aa814c/",
                "Flagged parameters: device.prov.serverName, device.prov.serverName.set",
                "ztpbox reset-guide 00:04:f2:aa:81:4c");
        assertThat(uploads.resolve("0004f2aa814c-phone.cfg")).doesNotExist();

        assertThat(run("prepare-reset", MAC.toString())).isEqualTo(1);
        assertThat(console.err()).contains("already quarantined");

        assertThat(run("restore-overrides", MAC.toString(), "--by", "bob", "--json")).isZero();
        Map<String, String> flat = FlatJson.read("{" + console.out().lines()
                .filter(l -> l.matches("\\s*\"(quarantine|state|ended_by)\": .*"))
                .map(l -> l.strip().replaceAll(",$", "").replaceAll(": (\\d+)$", ": \"$1\""))
                .reduce((a, b) -> a + "," + b).orElse("") + "}");
        assertThat(flat).containsEntry("quarantine", "1").containsEntry("state", "RESTORED")
                .containsEntry("ended_by", "bob");
        assertThat(uploads.resolve("0004f2aa814c-phone.cfg")).content().contains("old-pbx");

        assertThat(run("restore-overrides", MAC.toString())).isEqualTo(1);
        assertThat(console.err()).contains("no quarantined override files");

        assertThat(run("timeline", MAC.toString())).isZero();
        assertThat(console.out()).contains("ztpbox QUARANTINE", "override files quarantined by alice (new owner)",
                "ztpbox RESTORE", "moved back by bob");
    }
}
