package org.ztpbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.config.ConfigLoader;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.FirmwareImage;
import org.ztpbox.core.KeyDelivery;
import org.ztpbox.core.MacAddress;
import org.ztpbox.lab.CommandResult;
import org.ztpbox.lab.Curl;
import org.ztpbox.lab.HostCommand;
import org.ztpbox.lab.PhoneSimulator;
import org.ztpbox.lab.Prerequisites;
import org.ztpbox.lab.TftpClients;
import org.ztpbox.provisioning.catalog.CatalogFixture;
import org.ztpbox.provisioning.catalog.MemoryFirmwareShelf;
import org.ztpbox.provisioning.catalog.MemoryInventory;

/**
 * The whole appliance in this JVM on loopback, wired as {@code ztpbox run} wires it, with an
 * inventory in memory (the inventory import is a separate part of ztpbox): a phone simulator
 * boots over TFTP (tftp-hpa) and over HTTP (curl) and must get identical, complete files on both,
 * its own set as an inventory phone and the shared set as an unassigned one. Then the phone
 * uploads its override file and reads it back over either transport.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProvisioningEndToEndIT {

    private static final String HOST = "127.0.0.1";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private Appliance appliance;
    private int tftpPort;
    private int httpPort;
    private Path work;
    private final Function<List<String>, CommandResult> onHost = command -> HostCommand.run(work, LIMIT, command);

    @BeforeEach
    void start() throws Exception {
        Prerequisites.requirePrograms(List.of("curl", "tftp"));
        work = Files.createDirectories(dir.resolve("client"));
        tftpPort = freeUdpPort();
        httpPort = freeTcpPort();
        ZtpboxConfig config = ConfigLoader.parse("end-to-end", String.join("\n",
                "network:", "  interface: lo", "  address: " + HOST,
                "dhcp:", "  port: " + freeUdpPort(),
                "provisioning:", "  url: http://" + HOST + ":" + httpPort + "/prov/",
                "  registrar: pbx.office.lan", "  time-zone: Europe/Berlin", "  ntp: 10.0.0.1",
                "tftp:", "  port: " + tftpPort, "  writes: true",
                "http:", "  listen: " + HOST, "  port: " + httpPort, "  https-port: off",
                "state-dir: " + dir.resolve("state"), ""));
        MemoryInventory inventory = MemoryInventory.fromCsv(CatalogFixture.RESOURCES.resolve("inventory.csv"));
        MemoryFirmwareShelf firmware = new MemoryFirmwareShelf();
        Path image = Files.write(Files.createDirectories(dir.resolve("firmware")).resolve("3111-46162-001.sip.ld"),
                new byte[70_000]);
        firmware.add(new FirmwareImage("3111-46162-001.sip.ld", "3111-46162-001", List.of("VVX410"), "6.4.6",
                Files.size(image), image));
        appliance = Appliance.start(config, Clock.systemUTC(), new ProvisioningPorts(inventory, firmware,
                KeyDelivery.none()));
    }

    @AfterEach
    void stop() {
        if (appliance != null) {
            appliance.close();
        }
    }

    private PhoneSimulator.Client tftp() {
        return PhoneSimulator.tftp(HOST, tftpPort, work, onHost);
    }

    private PhoneSimulator.Client http(MacAddress mac) {
        return PhoneSimulator.http("http://" + HOST + ":" + httpPort + "/prov/", mac, work, onHost);
    }

    @Test
    void anInventoryPhoneGetsItsOwnCompleteFilesIdenticallyOverTftpAndHttp() {
        MacAddress mac = CatalogFixture.RECEPTION;

        PhoneSimulator.Boot overTftp = PhoneSimulator.boot(mac, tftp());
        PhoneSimulator.Boot overHttp = PhoneSimulator.boot(mac, http(mac));

        assertThat(overTftp.configFiles()).containsExactly("0004f2aa814c-user.cfg", "shared.cfg");
        PhoneSimulator.assertSameFiles(overTftp, overHttp);
        assertThat(text(overTftp, "0004f2aa814c.cfg")).contains("APP_FILE_PATH_VVX410=\"3111-46162-001.sip.ld\"",
                "OVERRIDES_DIRECTORY=\"overrides\"");
        assertThat(text(overTftp, "0004f2aa814c-user.cfg")).contains("reg.1.address=\"1001\"",
                "reg.1.auth.password=\"s3cr3t&amp;&quot;pw&quot;\"", "reg.1.server.1.address=\"pbx.office.lan\"")
                .endsWith("</polycomConfig>\n");
        String password = readString(dir.resolve("state/admin-password")).strip();
        assertThat(text(overHttp, "shared.cfg")).contains("device.auth.localAdminPassword=\"" + password + "\"",
                "device.prov.ztpEnabled=\"0\"", "tcpIpApp.sntp.gmtOffset=\"3600\"").endsWith("</polycomConfig>\n");
        assertThat(tftp().get("3111-46162-001.sip.ld")).hasValueSatisfying(b -> assertThat(b).hasSize(70_000));
        assertThat(http(mac).get("3111-46162-001.3111-46162-001.sip.ld")).isPresent();
    }

    @Test
    void anUnassignedPhoneGetsTheSharedSetOnlyIdenticallyOverTftpAndHttp() {
        MacAddress mac = CatalogFixture.STRANGER;

        PhoneSimulator.Boot overTftp = PhoneSimulator.boot(mac, tftp());
        PhoneSimulator.Boot overHttp = PhoneSimulator.boot(mac, http(mac));

        assertThat(overTftp.file(mac.compact() + ".cfg")).as("no master of its own").isEmpty();
        assertThat(overTftp.configFiles()).containsExactly("shared.cfg");
        PhoneSimulator.assertSameFiles(overTftp, overHttp);
        assertThat(http(mac).get("0004f2aa814c-user.cfg")).as("another phone's file, asked with its own UA")
                .isEmpty();
    }

    @Test
    void aPhoneReadsItsUploadedOverrideBackOverEitherTransportFromTheDirectoryTheMasterNames() throws IOException {
        MacAddress mac = CatalogFixture.RECEPTION;
        Path override = Files.writeString(work.resolve("override.cfg"), "<PHONE_CONFIG><OVERRIDES up.x=\"1\"/>"
                + "</PHONE_CONFIG>\n");
        Curl.Response put = new Curl(work).run("-A", PhoneSimulator.userAgent(mac), "-T", override.toString(),
                "http://" + HOST + ":" + httpPort + "/prov/overrides/0004f2aa814c-phone.cfg");
        assertThat(put.status()).as(put.describe()).isEqualTo(201);
        Path log = Files.writeString(work.resolve("app.log"), "booted\n");
        CommandResult wrq = HostCommand.run(work, LIMIT, TftpClients.tftpHpa(HOST, tftpPort, "octet", "put",
                log.toString(), "logs/0004f2aa814c-app.log"));
        assertThat(wrq.stdout() + wrq.stderr()).as(wrq.describe()).doesNotContain("Error");

        byte[] expected = Files.readAllBytes(override);
        assertThat(tftp().get("overrides/0004f2aa814c-phone.cfg")).hasValue(expected);
        assertThat(http(mac).get("overrides/0004f2aa814c-phone.cfg")).hasValue(expected);
        assertThat(http(CatalogFixture.SALES).get("overrides/0004f2aa814c-phone.cfg")).as("another phone").isEmpty();
        assertThat(dir.resolve("state/uploads/0004f2aa814c/0004f2aa814c-app.log")).hasContent("booted");
    }

    private static String text(PhoneSimulator.Boot boot, String name) {
        return new String(boot.file(name).orElseThrow(() -> new AssertionError(name + " missing")),
                StandardCharsets.UTF_8);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
