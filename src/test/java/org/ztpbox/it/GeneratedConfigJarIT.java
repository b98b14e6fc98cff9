package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ztpbox.core.MacAddress;
import org.ztpbox.lab.CommandResult;
import org.ztpbox.lab.LabClient;
import org.ztpbox.lab.NetnsLab;
import org.ztpbox.lab.PhoneSimulator;
import org.ztpbox.lab.Prerequisites;
import org.ztpbox.lab.Tools;
import org.ztpbox.lab.ZtpboxProcess;
import org.ztpbox.lab.ZtpboxYaml;

/**
 * The real jar ({@code ztpbox run} on its embedded templates) in a lab namespace, a phone simulator
 * in another: over TFTP (tftp-hpa) and HTTP (curl) the phone gets identical, complete files. An
 * unassigned phone gets the shared set, with the admin password {@code ztpbox admin-password}
 * shows. An inventory phone gets its own set once {@code ztpbox import} has put it in the
 * inventory (the same boot is covered in one JVM by ProvisioningEndToEndIT).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GeneratedConfigJarIT {

    private static final String SERVER = "10.233.0.1";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private Path jar;
    private NetnsLab lab;
    private LabClient phone;
    private ZtpboxYaml yaml;

    @BeforeEach
    void setUp() {
        jar = Prerequisites.require(List.of("ip", "kill", "curl", "tftp"));
        lab = NetnsLab.open(SERVER + "/24");
        phone = lab.addClient("00:04:f2:aa:81:4c", "10.233.0.2/24");
        yaml = ZtpboxYaml.serve("10.233.0.0/24", "10.233.0.100-10.233.0.200").withMode("watch");
    }

    @AfterEach
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    private ZtpboxProcess startServer() {
        ZtpboxProcess server = ZtpboxProcess.start(lab, jar, yaml);
        await("all listeners up").atMost(Duration.ofSeconds(30)).until(() -> server.log().contains("ztpbox running:"));
        return server;
    }

    @Test
    void anUnassignedPhoneGetsTheSharedSetIdenticallyOverTftpAndHttpWithTheAdminPasswordTheCommandShows() {
        ZtpboxProcess server = startServer();
        MacAddress mac = MacAddress.parse("0004f2999999");

        PhoneSimulator.Boot overTftp = PhoneSimulator.boot(mac, tftp());
        PhoneSimulator.Boot overHttp = PhoneSimulator.boot(mac, http(mac));

        assertThat(overTftp.file(mac.compact() + ".cfg")).as("no master of its own: %s", server.logTail()).isEmpty();
        assertThat(overTftp.configFiles()).containsExactly("shared.cfg");
        PhoneSimulator.assertSameFiles(overTftp, overHttp);
        String shared = new String(overTftp.file("shared.cfg").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(shared).contains("device.prov.ztpEnabled=\"0\"").endsWith("</polycomConfig>\n");
        CommandResult shown = lab.runOnHost(LIMIT, List.of(Tools.java(), "-jar", jar.toString(), "admin-password",
                "--config", lab.dir().resolve("ztpbox.yaml").toString()));
        assertThat(shown.succeeded()).as(shown.describe()).isTrue();
        String password = shown.stdout().lines().findFirst().orElseThrow();
        assertThat(password).matches("[0-9]{12}");
        assertThat(shared).contains("device.auth.localAdminPassword=\"" + password + "\"");
    }

    @Test
    void anImportedPhoneGetsItsOwnSetIdenticallyOverTftpAndHttp() throws IOException {
        Path config = lab.write("ztpbox.yaml", yaml.render(lab, lab.dir().resolve("state")), false);
        Path csv = Files.writeString(lab.dir().resolve("inventory.csv"), "MAC,Model,Extension,Display Name,"
                + "SIP User,Password,Auth Domain,Registrar,Site\n00:04:F2:AA:81:4C,VVX 410,1001,Reception,1001,"
                + "pw1001,,pbx.office.lan,\n");
        CommandResult imported = lab.runOnHost(LIMIT, List.of(Tools.java(), "-jar", jar.toString(), "import",
                "--config", config.toString(), csv.toString()));
        assertThat(imported.succeeded()).as(imported.describe()).isTrue();
        startServer();
        MacAddress mac = MacAddress.parse(phone.mac());

        PhoneSimulator.Boot overTftp = PhoneSimulator.boot(mac, tftp());
        PhoneSimulator.Boot overHttp = PhoneSimulator.boot(mac, http(mac));

        assertThat(overTftp.configFiles()).containsExactly("0004f2aa814c-user.cfg", "shared.cfg");
        PhoneSimulator.assertSameFiles(overTftp, overHttp);
        assertThat(new String(overHttp.file("0004f2aa814c-user.cfg").orElseThrow(), StandardCharsets.UTF_8))
                .contains("reg.1.auth.password=\"pw1001\"", "reg.1.server.1.address=\"pbx.office.lan\"");
    }

    private Function<List<String>, CommandResult> inPhone() {
        return command -> lab.exec(phone.namespace(), LIMIT, command.toArray(String[]::new));
    }

    private PhoneSimulator.Client tftp() {
        return PhoneSimulator.tftp(SERVER, 69, lab.dir(), inPhone());
    }

    private PhoneSimulator.Client http(MacAddress mac) {
        return PhoneSimulator.http("http://" + SERVER + "/prov/", mac, lab.dir(), inPhone());
    }
}
