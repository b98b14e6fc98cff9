package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ztpbox.lab.Dhclient;
import org.ztpbox.lab.DhcpPacket;
import org.ztpbox.lab.HookEvent;
import org.ztpbox.lab.LabClient;
import org.ztpbox.lab.LeaseRecord;
import org.ztpbox.lab.NetnsLab;
import org.ztpbox.lab.PacketCapture;
import org.ztpbox.lab.Perfdhcp;
import org.ztpbox.lab.PerfdhcpReport;
import org.ztpbox.lab.Prerequisites;
import org.ztpbox.lab.Udhcpc;
import org.ztpbox.lab.ZtpboxProcess;
import org.ztpbox.lab.ZtpboxYaml;

/**
 * Real DHCP clients against the real appliance, each test on its own throw-away LAN of network
 * namespaces (10.231.0.0/24 exists only there). What is checked is what an admin would check: the
 * client's own view of its lease and options, and {@code ztpbox leases --json}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DhcpClientsIT {

    private static final String SUBNET = "10.231.0.0/24";
    private static final String POOL = "10.231.0.100-10.231.0.250";
    private static final String PROVISIONING_URL = "http://10.231.0.1/prov/";
    private static final Duration LEASE_WAIT = Duration.ofSeconds(30);

    private Path jar;
    private NetnsLab lab;

    @BeforeEach
    void checkPrerequisites() {
        jar = Prerequisites.require(Prerequisites.DHCP_PEERS);
    }

    @AfterEach
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void dhclientPhoneGetsLeaseWithProvisioningUrlInOptions66And160() {
        lab = NetnsLab.open("10.231.0.1/24");
        LabClient phone = lab.addClient("00:04:f2:aa:81:4c");
        ZtpboxProcess server = ZtpboxProcess.start(lab, jar,
                ZtpboxYaml.serve(SUBNET, POOL).withProvisioningUrl(PROVISIONING_URL));

        Dhclient dhclient = Dhclient.startAsPolycomPhone(lab, phone);
        HookEvent bound = dhclient.awaitBound(LEASE_WAIT, server.logTail());
        dhclient.stop();

        String address = bound.get("new_ip_address");
        assertThat(address).as("dhclient's address; hook env %s", bound.env()).isNotNull();
        assertThat(inPool(address)).as("address %s inside pool %s", address, POOL).isTrue();
        assertThat(bound.get("new_subnet_mask")).as("option 1").isEqualTo("255.255.255.0");
        assertThat(bound.get("new_routers")).as("option 3").isEqualTo("10.231.0.1");
        assertThat(bound.get("new_tftp_server_name")).as("option 66 seen by dhclient").isEqualTo(PROVISIONING_URL);
        assertThat(bound.get("new_prov_url")).as("option 160 seen by dhclient").isEqualTo(PROVISIONING_URL);

        assertThat(server.leases()).as("ztpbox leases --json\n%s", server.logTail())
                .anySatisfy(lease -> {
                    assertThat(lease.mac()).isEqualTo(phone.mac());
                    assertThat(lease.address()).isEqualTo(address);
                    assertThat(lease.state()).isEqualTo("BOUND");
                });
    }

    @Test
    void udhcpcGetsLeaseWithConfiguredOptions66And160() {
        lab = NetnsLab.open("10.231.0.1/24");
        LabClient client = lab.addClient("02:00:00:00:00:12");
        // busybox checks $tftp as a host name and reports "bad" for a URL, so 66 is a plain host here.
        ZtpboxProcess server = ZtpboxProcess.start(lab, jar, ZtpboxYaml.serve(SUBNET, POOL)
                .withProvisioningUrl(PROVISIONING_URL).withOption(66, "string", "10.231.0.1"));

        Udhcpc.Result result = Udhcpc.run(lab, client, 3, 2);

        HookEvent bound = result.bound().orElseThrow(() -> new AssertionError("udhcpc got no lease (exit "
                + result.exitCode() + ", hook events " + result.eventNames() + ")\n--- udhcpc ---\n"
                + result.output() + "\n" + server.logTail()));
        assertThat(result.exitCode()).as("udhcpc exit code").isZero();
        String address = bound.get("ip");
        assertThat(inPool(address)).as("address %s inside pool %s; hook env %s", address, POOL, bound.env()).isTrue();
        assertThat(bound.get("tftp")).as("option 66 ($tftp)").isEqualTo("10.231.0.1");
        assertThat(bound.get("opt160")).as("option 160 ($opt160, hex)").isNotNull();
        assertThat(Udhcpc.decodeHexOption(bound.get("opt160"))).as("option 160 decoded").isEqualTo(PROVISIONING_URL);

        assertThat(server.leases()).as("ztpbox leases --json")
                .anySatisfy(lease -> {
                    assertThat(lease.mac()).isEqualTo(client.mac());
                    assertThat(lease.address()).isEqualTo(address);
                    assertThat(lease.state()).isEqualTo("BOUND");
                });
    }

    @Test
    void phonesOnlyAnswersPolycomVendorClassAndStaysSilentToOthers() {
        lab = NetnsLab.open("10.231.0.1/24");
        // Locally administered MACs with no Polycom OUI: only option 60 can make a client a phone.
        LabClient phone = lab.addClient("02:00:00:00:00:21");
        LabClient laptop = lab.addClient("02:00:00:00:00:22");
        ZtpboxProcess server = ZtpboxProcess.start(lab, jar,
                ZtpboxYaml.serve(SUBNET, POOL).withMode("phones-only").withProvisioningUrl(PROVISIONING_URL));

        Dhclient dhclient = Dhclient.startAsPolycomPhone(lab, phone);
        HookEvent bound = dhclient.awaitBound(LEASE_WAIT, server.logTail());
        dhclient.stop();
        assertThat(bound.get("new_prov_url")).as("option 160 for the phone").isEqualTo(PROVISIONING_URL);

        PacketCapture capture = PacketCapture.start(lab, laptop.namespace(), laptop.iface());
        Udhcpc.Result ignored = Udhcpc.run(lab, laptop, 3, 1);
        capture.stop();
        List<DhcpPacket> seen = capture.dhcpPackets();

        assertThat(ignored.bound()).as("udhcpc (option 60 'udhcp ...') must get no lease; hook events %s\n%s",
                ignored.eventNames(), ignored.output()).isEmpty();
        assertThat(ignored.exitCode()).as("udhcpc -n exits non-zero without a lease").isNotZero();
        assertThat(seen).as("the laptop did send DISCOVERs (else silence proves nothing)")
                .anyMatch(p -> p.op() == DhcpPacket.BOOTREQUEST && p.chaddr().equals(laptop.mac())
                        && p.messageType() == DhcpPacket.DISCOVER);
        assertThat(seen).as("no reply of any kind to the laptop\n%s", server.logTail())
                .noneMatch(p -> p.op() == DhcpPacket.BOOTREPLY && p.chaddr().equals(laptop.mac()));

        List<LeaseRecord> leases = server.leases();
        assertThat(leases).as("the phone's lease").anyMatch(l -> l.mac().equals(phone.mac()) && l.isBound()
                && l.address().equals(bound.get("new_ip_address")));
        assertThat(leases).as("nothing stored for the laptop").noneMatch(l -> l.mac().equals(laptop.mac()));
    }

    @Test
    void relayedRequestsAreAnsweredToTheRelay() {
        lab = NetnsLab.open("10.231.0.1/24");
        // perfdhcp relays from 10.231.0.2 (giaddr, inside dhcp.subnet) and listens there on port 67.
        LabClient relay = lab.addClient("02:00:00:00:00:41", "10.231.0.2/24");
        ZtpboxProcess server = ZtpboxProcess.start(lab, jar,
                ZtpboxYaml.serve(SUBNET, POOL).withProvisioningUrl(PROVISIONING_URL));

        PerfdhcpReport report = Perfdhcp.runRelay(lab, relay, 50, 100, 100, 10);

        String context = "\n--- perfdhcp ---\n" + report.output() + "\n" + server.logTail();
        assertThat(report.discoversSent()).as("DISCOVERs sent" + context).isEqualTo(100);
        assertThat(report.acksReceived()).as("ACKs received by the relay" + context).isPositive();
        assertThat(report.discoverDrops() + report.requestDrops()).as("drops (lost or later than 2 s)" + context)
                .isLessThanOrEqualTo(report.discoversSent() / 20);
        long boundToPerfdhcpMacs = server.leases().stream()
                .filter(l -> l.isBound() && l.mac().startsWith("00:0c:01:")).count();
        assertThat(boundToPerfdhcpMacs).as("leases stored for perfdhcp's clients" + context)
                .isGreaterThanOrEqualTo(report.acksReceived());
    }

    private static boolean inPool(String address) {
        if (address == null || !address.startsWith("10.231.0.")) {
            return false;
        }
        int host = Integer.parseInt(address.substring("10.231.0.".length()));
        return host >= 100 && host <= 250;
    }
}
