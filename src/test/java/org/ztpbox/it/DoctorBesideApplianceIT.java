package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ztpbox.it.DoctorIT.STALE_160;
import static org.ztpbox.it.DoctorIT.STALE_160_MASKED;
import static org.ztpbox.it.DoctorIT.STALE_66;
import static org.ztpbox.it.DoctorIT.STALE_ROUTER;
import static org.ztpbox.it.DoctorIT.WAIT;
import static org.ztpbox.it.DoctorIT.ZTPBOX_URL;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.lab.CommandResult;
import org.ztpbox.lab.Dhclient;
import org.ztpbox.lab.DoctorRun;
import org.ztpbox.lab.HookEvent;
import org.ztpbox.lab.LabClient;
import org.ztpbox.lab.LabProcess;
import org.ztpbox.lab.NetnsLab;
import org.ztpbox.lab.Tools;
import org.ztpbox.lab.ZtpboxProcess;
import org.ztpbox.store.SqliteLeaseStore;

/**
 * {@code ztpbox doctor} and the appliance's periodic probe sharing a box: with ztpbox in watch
 * mode, then stopped; beside ztpbox's DHCP server, its own periodic probe and a DHCP client holding
 * port 68; and a real dhclient with a Polycom option 60 taking the stale router's lease. Each test
 * on its own throw-away LAN (as in {@link DoctorIT}).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DoctorBesideApplianceIT {

    private Path jar;
    private NetnsLab lab;
    private LabClient router;

    @BeforeEach
    void setUp() {
        jar = DoctorIT.prerequisites();
        lab = NetnsLab.open("10.231.0.1/24");
        router = lab.addClient("02:00:00:00:0d:02", STALE_ROUTER + "/24");
    }

    @AfterEach
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * ztpbox watches; a phone (real dhclient, Polycom option 60) takes the stale router's lease.
     * ztpbox's events name the other server; doctor reports both stale options and ties the phone's
     * lease to them, and does the same once the appliance is stopped.
     */
    @Test
    void aPhoneTakingTheStaleLeaseIsNamedWithTheOtherServerRunningAndStopped() {
        ZtpboxProcess server = ZtpboxProcess.start(lab, jar, DoctorIT.yaml("watch"));
        DoctorIT.staleRouter(lab, router, "dnsmasq-stale", "--dhcp-option-force=160," + STALE_160,
                "--dhcp-option-force=66," + STALE_66);
        LabClient phone = lab.addClient("00:04:f2:aa:81:4c");

        Dhclient dhclient = Dhclient.startAsPolycomPhone(lab, phone);
        HookEvent bound = dhclient.awaitBound(Duration.ofSeconds(30), server.logTail());
        dhclient.stop();
        assertThat(bound.get("new_dhcp_server_identifier")).isEqualTo(STALE_ROUTER);
        assertThat(bound.get("new_prov_url")).isEqualTo(STALE_160);

        MacAddress mac = MacAddress.parse(phone.mac());
        await("REQUEST stored").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> requests(mac).size() > 0);
        assertThat(requests(mac)).allSatisfy(e -> {
            assertThat(e.detail("server_id")).isEqualTo(STALE_ROUTER);
            assertThat(e.detail("phone")).isEqualTo("true");
            assertThat(e.detail("model")).isEqualTo("VVX-VVX_410");
        });

        CommandResult timeline = server.cli("timeline", phone.mac().toUpperCase().replace(':', '-'));
        assertThat(timeline.exitCode()).as("%s", timeline).isZero();
        assertThat(timeline.stdout()).as("the phone's timeline names the server it took its lease from")
                .contains("REQUEST", "server " + STALE_ROUTER + " (not ztpbox)");

        DoctorRun running = DoctorRun.run(lab, jar, server.config(), "--wait", WAIT);
        server.stop();
        DoctorRun stopped = DoctorRun.run(lab, jar, server.config(), "--wait", WAIT);

        for (DoctorRun run : List.of(running, stopped)) {
            assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
            assertThat(run.server("10.231.0.1")).as("watch mode or stopped: ztpbox answers nobody").isNull();
            assertThat(run.findings("dhcp-stale-provisioning")).as("%s", run).singleElement()
                    .satisfies(f -> assertThat((String) f.get("summary"))
                            .contains("option 160 = " + STALE_160_MASKED, "option 66 = " + STALE_66));
            assertThat(run.findings("dhcp-lease-elsewhere")).as("%s", run).singleElement().satisfies(f -> {
                assertThat(f).containsEntry("severity", "CRITICAL").containsEntry("subject", STALE_ROUTER);
                assertThat((String) f.get("summary")).contains("phone " + mac + " took its lease from " + STALE_ROUTER);
                assertThat((List<?>) f.get("evidence")).anySatisfy(line -> assertThat((String) line)
                        .contains("REQUEST from " + mac + " (VVX-VVX_410)", "naming server " + STALE_ROUTER));
            });
            assertThat(DoctorIT.prediction(run)).containsEntry("race", false);
            assertThat((String) DoctorIT.prediction(run).get("summary"))
                    .contains("uses " + STALE_160_MASKED + " (not ztpbox)", "option 160 is read before option 66");
        }
    }

    /**
     * The sockets: doctor beside the running appliance (its DHCP server on 67 and its own periodic
     * probe every second) and beside an ISC dhclient holding port 68 on the same box. Each keeps
     * working.
     */
    @Test
    void doctorRunsBesideTheApplianceItsPeriodicProbeAndADhcpClientOnTheBox() {
        LabProcess holder = dhclientHoldingPort68();
        ZtpboxProcess server = ZtpboxProcess.start(lab, jar, DoctorIT.yaml("serve").withDoctor("1s", "1s"));
        DoctorIT.staleRouter(lab, router, "dnsmasq-stale", "--dhcp-option-force=160," + STALE_160);

        DoctorRun run = DoctorRun.run(lab, jar, server.config(), "--wait", WAIT);

        assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
        assertThat(run.server("10.231.0.1")).as("%s", run).containsEntry("role", "self");
        assertThat(DoctorIT.answers(run.server("10.231.0.1"))).extracting(a -> a.get("asked"))
                .as("ztpbox's unicast answer to the INFORM reaches the probe").contains("INFORM");
        assertThat(run.server(STALE_ROUTER)).as("%s", run).containsEntry("role", "stale");
        assertThat(holder.isAlive()).as("dhclient on the box").isTrue();

        // The appliance's own periodic probe found the same, logged it and stored it.
        await("periodic probe finding").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> server.log().contains("CRITICAL dhcp-stale-provisioning " + STALE_ROUTER));
        assertThat(server.log()).doesNotContain("s3cret").doesNotContain("DHCP probe failed");
        await("finding stored").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> storedEvents().stream().anyMatch(e -> e.source().equals("doctor")
                        && e.type().equals("FINDING") && "dhcp-stale-provisioning".equals(e.detail("code"))
                        && STALE_ROUTER.equals(e.detail("subject"))));

        // And the appliance still serves: a phone refusing the stale router's offers gets ztpbox's lease.
        LabClient phone = lab.addClient("00:04:f2:aa:81:4d");
        Dhclient dhclient = Dhclient.startAsPolycomPhone(lab, phone, "reject " + STALE_ROUTER + ";\n");
        HookEvent bound = dhclient.awaitBound(Duration.ofSeconds(30), server.logTail());
        assertThat(bound.get("new_prov_url")).isEqualTo(ZTPBOX_URL);
        assertThat(holder.isAlive()).as("dhclient on the box").isTrue();
    }

    /** ISC dhclient on a spare veth of the server namespace: it holds UDP 68 there, as on a box that is a DHCP client. */
    private LabProcess dhclientHoldingPort68() {
        String ip = Tools.path("ip");
        String iface = lab.id() + "dh0";
        lab.exec(lab.serverNamespace(), Duration.ofSeconds(10), ip, "link", "add", iface, "type", "veth", "peer",
                "name", lab.id() + "dh1").requireSuccess();
        lab.exec(lab.serverNamespace(), Duration.ofSeconds(10), ip, "link", "set", iface, "up").requireSuccess();
        LabProcess holder = lab.start(lab.serverNamespace(), "dhclient-holder", List.of(Tools.path("dhclient"), "-d",
                "-cf", lab.write("holder.conf", "initial-interval 1;\n", false).toString(),
                "-lf", lab.dir().resolve("holder.leases").toString(), "-pf", lab.dir().resolve("holder.pid").toString(),
                "-sf", "/bin/true", iface));
        await("dhclient holding UDP 68").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> lab.exec(lab.serverNamespace(), Duration.ofSeconds(5), Tools.path("ss"), "-ulpn",
                        "sport = :68").stdout().contains("dhclient"));
        return holder;
    }

    private List<PhoneEvent> requests(MacAddress mac) {
        return storedEvents().stream().filter(e -> mac.equals(e.mac()) && e.type().equals("REQUEST")).toList();
    }

    /** The store as the appliance wrote it (SQLite in WAL mode: read beside the running appliance). */
    private List<PhoneEvent> storedEvents() {
        try (SqliteLeaseStore store = SqliteLeaseStore.open(lab.dir().resolve("state").resolve("ztpbox.db"))) {
            return store.events(null, 1000);
        }
    }
}
