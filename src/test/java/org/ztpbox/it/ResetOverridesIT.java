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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ztpbox.lab.CommandResult;
import org.ztpbox.lab.Dhclient;
import org.ztpbox.lab.LabClient;
import org.ztpbox.lab.NetnsLab;
import org.ztpbox.lab.Prerequisites;
import org.ztpbox.lab.Tools;
import org.ztpbox.lab.ZtpboxProcess;
import org.ztpbox.lab.ZtpboxYaml;

/**
 * The reset workflow against the real appliance (the jar) in a lab namespace, a phone in another:
 * the phone leases (dhclient with a Polycom vendor class) and uploads an override with curl PUT into
 * the overrides directory its master file names;
 * {@code ztpbox prepare-reset} run beside the running appliance moves it aside, and the phone's GET
 * of its override then returns the empty override; {@code ztpbox restore-overrides} brings the file
 * back and the phone gets it again; {@code ztpbox timeline} tells it all, {@code ztpbox doctor} reports
 * the stale override, and the log has the findings.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ResetOverridesIT {

    private static final String SERVER = "10.234.0.1";
    private static final String URL = "http://" + SERVER + "/prov/";
    private static final String MAC = "00:04:f2:aa:81:4c";
    private static final String VVX = "FileTransport PolycomVVX-VVX_410-UA/5.9.5.0614 Type/Application";
    private static final String OVERRIDE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<PHONE_CONFIG><OVERRIDES device.set=\"1\" device.prov.serverName=\"http://pbx:Old-Pass1@old-pbx/\""
            + " device.prov.serverName.set=\"1\" device.auth.localAdminPassword=\"8421\"/></PHONE_CONFIG>\n";
    private static final String EMPTY_OVERRIDE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<PHONE_CONFIG><OVERRIDES/></PHONE_CONFIG>\n";
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private Path jar;
    private NetnsLab lab;
    private LabClient phone;
    private int requests;

    @BeforeEach
    void checkPrerequisites() {
        jar = Prerequisites.require(List.of("ip", "kill", "curl", "dhclient"));
    }

    @AfterEach
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    /** What curl, in the phone's namespace, got: the status and the body. */
    private record Reply(int status, String body, CommandResult run) {
    }

    private Reply curl(String... args) throws IOException {
        Path body = lab.dir().resolve("curl-body-" + (++requests));
        List<String> command = new ArrayList<>(List.of(Tools.path("curl"), "-sS", "--max-time", "10", "-A", VVX,
                "-o", body.toString(), "-w", "%{http_code}"));
        command.addAll(List.of(args));
        CommandResult run = lab.exec(phone.namespace(), CLIENT_TIMEOUT, command.toArray(String[]::new));
        String code = run.stdout().strip();
        return new Reply(code.matches("\\d{3}") ? Integer.parseInt(code) : 0,
                Files.exists(body) ? Files.readString(body, StandardCharsets.UTF_8) : "", run);
    }

    @Test
    void prepareResetServesTheEmptyOverrideAndRestoreBringsTheFileBack() throws IOException {
        lab = NetnsLab.open(SERVER + "/24");
        phone = lab.addClient(MAC, "10.234.0.2/24");
        ZtpboxProcess server = ZtpboxProcess.start(lab, jar, ZtpboxYaml.serve("10.234.0.0/24",
                "10.234.0.100-10.234.0.200").withProvisioningUrl(URL));
        await("HTTP listening").atMost(Duration.ofSeconds(20))
                .until(() -> server.log().contains("HTTP server listening on TCP port 80"));

        // The phone leases from ztpbox (a DHCP event in its timeline), then uploads its phone-UI override.
        Dhclient dhclient = Dhclient.startAsPolycomPhone(lab, phone);
        dhclient.awaitBound(CLIENT_TIMEOUT, server.logTail());
        dhclient.stop();
        Path upload = Files.writeString(lab.dir().resolve("override.cfg"), OVERRIDE);
        Reply put = curl("-T", upload.toString(), URL + "overrides/0004f2aa814c-phone.cfg");
        assertThat(put.status()).as(put.run().describe() + "\n" + server.logTail()).isEqualTo(201);
        Path stored = server.stateDir().resolve("uploads/0004f2aa814c/0004f2aa814c-phone.cfg");
        assertThat(stored).hasContent(OVERRIDE);

        CommandResult prepare = server.cli("prepare-reset", "00-04-F2-AA-81-4C", "--by", "it-admin", "--reason",
                "new owner");
        assertThat(prepare.exitCode()).as(prepare.describe()).isZero();
        assertThat(prepare.stdout()).contains("Quarantine 1 of " + MAC + " by it-admin (new owner)",
                "Flagged parameters:", "device.prov.serverName").doesNotContain("Old-Pass1", "8421");
        assertThat(stored).doesNotExist();
        Path aside = onlyQuarantineDirectory(server.stateDir());
        assertThat(aside.resolve("0004f2aa814c-phone.cfg")).hasContent(OVERRIDE);

        // The running appliance picks the quarantine up from the store within seconds.
        Reply[] served = new Reply[1];
        await("the empty override served").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    served[0] = curl(URL + "overrides/0004f2aa814c-phone.cfg");
                    return served[0].status() == 200;
                });
        assertThat(served[0].body()).isEqualTo(EMPTY_OVERRIDE);
        Reply web = curl(URL + "overrides/0004f2aa814c-web.cfg");
        assertThat(web.status()).isEqualTo(200);
        assertThat(web.body()).isEqualTo(EMPTY_OVERRIDE);

        CommandResult restore = server.cli("restore-overrides", "0004f2aa814c", "--by", "it-admin");
        assertThat(restore.exitCode()).as(restore.describe()).isZero();
        assertThat(stored).as("the very bytes the phone uploaded").hasContent(OVERRIDE);
        assertThat(aside.resolve("QUARANTINE.txt")).content().contains("restored at", "by it-admin");
        // The catalog serves the phone its own upload again once the refresh sees the restore.
        Reply[] after = new Reply[1];
        await("its own override served again").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    after[0] = curl(URL + "overrides/0004f2aa814c-phone.cfg");
                    return after[0].status() == 200 && !after[0].body().equals(EMPTY_OVERRIDE);
                });
        assertThat(after[0].body()).isEqualTo(OVERRIDE);

        CommandResult timeline = server.cli("timeline", MAC);
        assertThat(timeline.exitCode()).as(timeline.describe()).isZero();
        String text = timeline.stdout();
        assertThat(text).contains("dhcp   DISCOVER", "dhcp   REQUEST", "(ztpbox)", "ztpbox answered ACK",
                "http   PUT        /prov/overrides/0004f2aa814c-phone.cfg -> 201", "ztpbox QUARANTINE",
                "override files quarantined by it-admin (new owner)",
                "http   GET        /prov/overrides/0004f2aa814c-phone.cfg -> 200",
                "ztpbox RESTORE", "moved back by it-admin")
                .doesNotContain("Old-Pass1", "8421");
        assertThat(text.indexOf("dhcp   DISCOVER")).isLessThan(text.indexOf("PUT"));
        assertThat(text.indexOf("QUARANTINE")).isLessThan(text.indexOf("RESTORE"));
        // The restored override is stale again, and the timeline says so.
        assertThat(text).contains("CRITICAL  override-provisioning-server  " + MAC, "CRITICAL  override-admin-auth");

        // ztpbox doctor, on the LAN interface beside the running appliance, reports the stale override too.
        CommandResult doctor = lab.exec(lab.serverNamespace(), Duration.ofSeconds(60), Tools.java(), "-jar",
                jar.toString(), "doctor", "--config", server.config().toString(), "--wait", "1s");
        assertThat(doctor.exitCode()).as("an override pointing at another server is a stale source: %s",
                doctor.describe()).isEqualTo(3);
        assertThat(doctor.stdout()).contains("override-provisioning-server", MAC).doesNotContain("Old-Pass1", "8421");

        // The phone boots again (it asks for <mac>.cfg first): the appliance checks it and logs what it finds.
        assertThat(curl(URL + "0004f2aa814c.cfg").status()).isEqualTo(404);
        await("the finding in the appliance's log").atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofSeconds(1))
                .until(() -> server.log().contains("Finding CRITICAL override-provisioning-server " + MAC));
        assertThat(server.log()).doesNotContain("Old-Pass1", "8421");
    }

    private static Path onlyQuarantineDirectory(Path stateDir) throws IOException {
        try (Stream<Path> dirs = Files.list(stateDir.resolve("quarantine/0004f2aa814c"))) {
            List<Path> all = dirs.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
