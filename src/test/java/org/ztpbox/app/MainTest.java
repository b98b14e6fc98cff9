package org.ztpbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: output and exit codes. */
class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private Path config(String yaml) throws Exception {
        Path file = dir.resolve("ztpbox.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void printsItsVersion() {
        assertThat(Main.execute("--version")).isZero();
        assertThat(out.toString()).startsWith("ztpbox ");
    }

    @Test
    void aBadConfigExitsWith2NamingKeyAndLine() throws Exception {
        Path file = config("dhcp:\n  mode: serve\n  subnet: 10.0.0.0/24\n  pool: 10.0.1.1-10.0.1.5\n");

        assertThat(Main.execute("validate", "--config", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 4: dhcp.pool", "outside dhcp.subnet");
    }

    @Test
    void aMissingConfigFileExitsWith2() {
        assertThat(Main.execute("run", "--config", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(Main.execute("frobnicate")).isEqualTo(2);
        assertThat(Main.execute("leases", "--jsn")).isEqualTo(2);
    }

    @Test
    void helpIsEverywhere() {
        assertThat(Main.execute("leases", "--help")).isZero();
        assertThat(out.toString()).contains("--json", "--config");
    }

    @Test
    void listsNoLeasesOfAFreshStateDirectory() throws Exception {
        Path file = config("state-dir: " + dir.resolve("state") + "\n");

        assertThat(Main.execute("leases", "--config", file.toString(), "--json")).isZero();
        assertThat(out.toString().strip()).isEqualTo("[]");
    }

    @Test
    void anUnknownInterfaceIsAConfigError() throws Exception {
        Path file = config("network:\n  interface: nosuch0\nstate-dir: " + dir.resolve("state") + "\n");

        assertThat(Main.execute("run", "--config", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("network.interface", "no interface named 'nosuch0'");
    }

    @Test
    void doctorRefusesABadWaitAsAUsageError() throws Exception {
        Path file = config("state-dir: " + dir.resolve("state") + "\n");

        assertThat(Main.execute("doctor", "--config", file.toString(), "--wait", "2h")).isEqualTo(2);
        assertThat(err.toString()).contains("--wait: must be between 500ms and 30s");
    }

    @Test
    void doctorOnAnUnknownInterfaceIsAConfigError() throws Exception {
        Path file = config("state-dir: " + dir.resolve("state") + "\n");

        assertThat(Main.execute("doctor", "--config", file.toString(), "--interface", "nosuch0")).isEqualTo(2);
        assertThat(err.toString()).contains("no interface named 'nosuch0'");
    }

    @Test
    void doctorDocumentsExitCode3() {
        assertThat(Main.execute("doctor", "--help")).isZero();
        assertThat(out.toString()).contains("--interface", "--wait", "--json",
                "3   a DHCP server points phones at another provisioning server");
    }

    @Test
    void aTakenPortIsAPlainFailure() throws Exception {
        try (java.net.DatagramSocket taken = new java.net.DatagramSocket(0)) {
            Path file = config("network:\n  interface: lo\n  address: 127.0.0.1\ndhcp:\n  port: " + taken.getLocalPort()
                    + "\nstate-dir: " + dir.resolve("state") + "\n");

            assertThat(Main.execute("run", "--config", file.toString())).isEqualTo(1);
            assertThat(err.toString()).contains("cannot listen on UDP port " + taken.getLocalPort(), "in use");
        }
    }

    @Test
    void validateRendersWhatEveryPhoneGetsAndNamesTheTemplateLineAndVariableThatFail() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Path good = config("state-dir: " + dir.resolve("state") + "\nprovisioning:\n  templates: " + templates + "\n");
        assertThat(Main.execute("validate", "--config", good.toString())).isZero();
        assertThat(out.toString()).contains("templates     " + templates, "unassigned         ok      shared.cfg",
                "phones        0 in the inventory");
        assertThat(dir.resolve("state/admin-password")).as("validate writes nothing").doesNotExist();

        Files.writeString(templates.resolve("shared.cfg"), "<?xml version=\"1.0\"?>\n<c\n a=\"${appliance.ntpp}\"/>\n");
        assertThat(Main.execute("validate", "--config", good.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("unassigned         FAILED", "shared.cfg not generated: "
                + templates.resolve("shared.cfg") + " line 3: unknown variable ${appliance.ntpp}");
    }

    @Test
    void adminPasswordShowsThePasswordThePhonesGetAndWhereItComesFrom() throws Exception {
        Path file = config("state-dir: " + dir.resolve("state") + "\n");
        assertThat(Main.execute("admin-password", "--config", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no phone admin password yet", "when it first starts");

        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/admin-password"), "314159265358\n");
        assertThat(Main.execute("admin-password", "--config", file.toString(), "--json")).isZero();
        assertThat(out.toString().strip()).isEqualTo("{\"password\":\"314159265358\",\"source\":\""
                + dir.resolve("state/admin-password") + "\"}");

        Path configured = config("state-dir: " + dir.resolve("state") + "\nprovisioning:\n  admin-password: Desk-77\n");
        out.reset();
        assertThat(Main.execute("admin-password", "--config", configured.toString())).isZero();
        assertThat(out.toString()).startsWith("Desk-77" + System.lineSeparator()).contains("provisioning.admin-password");
    }
}
