package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.ztpbox.lab.Dnsmasq;
import org.ztpbox.lab.DoctorRun;
import org.ztpbox.lab.LabClient;
import org.ztpbox.lab.NetnsLab;
import org.ztpbox.lab.Prerequisites;
import org.ztpbox.lab.Tools;
import org.ztpbox.lab.ZtpboxProcess;
import org.ztpbox.lab.ZtpboxYaml;

/**
 * {@code ztpbox doctor} beside the running appliance (serve mode) against a real dnsmasq playing
 * the LAN's other DHCP server, in several set-ups. One throw-away LAN of network namespaces for the
 * class: ztpbox at 10.231.0.1 (the lab's bridge), dnsmasq at 10.231.0.2 in a client namespace,
 * started afresh by each test. Checked as an admin would: the exit code, and which server and
 * value the report names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DoctorIT {

    static final String SUBNET = "10.231.0.0/24";
    static final String POOL = "10.231.0.100-10.231.0.150";
    static final String ZTPBOX_URL = "http://10.231.0.1/prov/";
    static final String STALE_ROUTER = "10.231.0.2";
    static final String STALE_160 = "http://olduser:s3cret@old-pbx.example/prov/";
    static final String STALE_160_MASKED = "http://olduser:****@old-pbx.example/prov/";
    static final String STALE_66 = "tftp://10.231.0.2/";
    static final String DNSMASQ_RANGE = "--dhcp-range=10.231.0.50,10.231.0.60,255.255.255.0,5m";
    static final String WAIT = "2s";

    private Path jar;
    private NetnsLab lab;
    private LabClient router;
    private ZtpboxProcess server;
    private Dnsmasq dnsmasq;

    /** The programs every doctor IT runs. */
    static Path prerequisites() {
        List<String> tools = new ArrayList<>(Prerequisites.DHCP_PEERS);
        tools.addAll(List.of("dnsmasq", "ss"));
        return Prerequisites.require(tools);
    }

    static ZtpboxYaml yaml(String mode) {
        return ZtpboxYaml.serve(SUBNET, POOL).withMode(mode).withProvisioningUrl(ZTPBOX_URL).withDoctor("off", WAIT);
    }

    static Dnsmasq staleRouter(NetnsLab lab, LabClient router, String name, String... options) {
        List<String> args = new ArrayList<>(List.of(DNSMASQ_RANGE));
        args.addAll(List.of(options));
        return Dnsmasq.start(lab, router, name, args);
    }

    @BeforeAll
    void startTheLan() {
        jar = prerequisites();
        lab = NetnsLab.open("10.231.0.1/24");
        router = lab.addClient("02:00:00:00:0d:02", STALE_ROUTER + "/24");
        server = ZtpboxProcess.start(lab, jar, yaml("serve"));
    }

    @AfterEach
    void stopTheRouter() {
        if (dnsmasq != null) {
            dnsmasq.stop();
            dnsmasq = null;
        }
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    private DoctorRun doctor() {
        DoctorRun run = DoctorRun.run(lab, jar, server.config(), "--interface", lab.serverInterface(), "--wait", WAIT);
        assertThat(run.server("10.231.0.1")).as("ztpbox answers its own probe; %s", run).containsEntry("role", "self");
        return run;
    }

    @Test
    void aStaleOption66IsReportedWithItsServerAndValue() {
        dnsmasq = staleRouter(lab, router, "dnsmasq-66", "--dhcp-option-force=66," + STALE_66);

        DoctorRun run = doctor();

        assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
        assertThat(run.server(STALE_ROUTER)).as("%s", run).containsEntry("role", "stale");
        assertThat(run.findings("dhcp-stale-provisioning")).as("%s", run).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("severity", "CRITICAL").containsEntry("subject", STALE_ROUTER);
            assertThat((String) f.get("summary")).contains("option 66 = " + STALE_66).doesNotContain("option 160 =");
        });
        // ztpbox's lease leads to ztpbox, the router's to its option 66: whichever offer comes first wins.
        assertThat(prediction(run)).containsEntry("race", true);
    }

    @Test
    void aStaleOption160IsReportedWithItsPasswordMaskedEverywhere() {
        dnsmasq = staleRouter(lab, router, "dnsmasq-160", "--dhcp-option-force=160," + STALE_160);

        DoctorRun run = doctor();
        String text = lab.exec(lab.serverNamespace(), Duration.ofSeconds(60), Tools.java(), "-jar", jar.toString(),
                "doctor", "--config", server.config().toString(), "--wait", WAIT).stdout();

        assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
        assertThat(run.findings("dhcp-stale-provisioning")).as("%s", run).singleElement()
                .satisfies(f -> assertThat((String) f.get("summary"))
                        .contains("option 160 = " + STALE_160_MASKED, "old-pbx.example is not this appliance"));
        assertThat(run.stdout()).doesNotContain("s3cret");
        assertThat(text).contains("STALE", STALE_160_MASKED).doesNotContain("s3cret");
    }

    @Test
    void optionsGivenOnlyToPolycomVendorClassesAreToldApart() {
        // dnsmasq tags a client whose option 60 contains "Polycom" (sub-option 1 of the binary form).
        dnsmasq = staleRouter(lab, router, "dnsmasq-vendorclass", "--dhcp-vendorclass=set:poly,Polycom",
                "--dhcp-option-force=tag:poly,160," + STALE_160);

        DoctorRun run = doctor();

        assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
        Map<String, Object> stale = run.server(STALE_ROUTER);
        assertThat(stale).as("%s", run).containsEntry("role", "stale")
                .containsEntry("provisioning_only_to_phones", true);
        assertThat(answers(stale)).anySatisfy(a -> assertThat(a).containsEntry("persona", "generic")
                .containsEntry("asked", "DISCOVER").containsEntry("option_160", null));
        assertThat(answers(stale)).anySatisfy(a -> assertThat(a).containsEntry("persona", "phone")
                .containsEntry("asked", "DISCOVER").containsEntry("option_160", STALE_160_MASKED));
        assertThat(run.findings("dhcp-stale-provisioning")).singleElement()
                .satisfies(f -> assertThat((String) f.get("summary")).contains("only to Poly phones"));
    }

    @Test
    void aServerAnsweringOnlyDhcpInformWithAStaleOptionIsReported() {
        // A static range: dnsmasq leases nothing, but answers DHCPINFORM from the subnet.
        dnsmasq = Dnsmasq.start(lab, router, "dnsmasq-inform", List.of("--dhcp-range=10.231.0.0,static,255.255.255.0",
                "--dhcp-option-force=160," + STALE_160));

        DoctorRun run = doctor();

        assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
        assertThat(answers(run.server(STALE_ROUTER))).as("%s", run).isNotEmpty()
                .allSatisfy(a -> assertThat(a).containsEntry("asked", "INFORM").containsEntry("type", "ACK"));
        assertThat(run.findings("dhcp-stale-provisioning")).singleElement()
                .satisfies(f -> assertThat((String) f.get("summary")).contains("in its answers to DHCPINFORM"));
        // ztpbox's lease carries 160, so a phone leasing from it never sends an INFORM.
        assertThat((String) prediction(run).get("summary")).startsWith("the phone uses " + ZTPBOX_URL + " (ztpbox)");
    }

    @Test
    void aLanWithoutStaleSourceHasNoStaleFinding() {
        dnsmasq = staleRouter(lab, router, "dnsmasq-clean");

        DoctorRun run = doctor();

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.findings("dhcp-stale-provisioning")).isEmpty();
        assertThat(run.server(STALE_ROUTER)).as("%s", run).containsEntry("role", "no-provisioning");
        assertThat(run.findings("dhcp-second-server")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("severity", "WARNING").containsEntry("subject", STALE_ROUTER));
        // Leasing from dnsmasq, a phone finds no boot server and sends DHCPINFORM, which ztpbox answers.
        assertThat((String) prediction(run).get("summary"))
                .startsWith("whichever offer it takes, the phone uses " + ZTPBOX_URL + " (ztpbox)");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> answers(Map<String, Object> server) {
        return (List<Map<String, Object>>) server.get("answers");
    }

    static Map<String, Object> prediction(DoctorRun run) {
        return run.list("predictions").get(0);
    }
}
