package org.ztpbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ztpbox.lab.DhcpPacket;
import org.ztpbox.lab.LabClient;
import org.ztpbox.lab.LabProcess;
import org.ztpbox.lab.LeaseRecord;
import org.ztpbox.lab.NetnsLab;
import org.ztpbox.lab.PacketCapture;
import org.ztpbox.lab.Perfdhcp;
import org.ztpbox.lab.Prerequisites;
import org.ztpbox.lab.ZtpboxProcess;
import org.ztpbox.lab.ZtpboxYaml;

/**
 * A crash under load loses no acknowledged lease. ztpbox promises to send an ACK only after the
 * lease is committed; if it ever ACKed first, a kill -9 between the two would leave a client
 * using an address the restarted server believes free, and hand it to someone else.
 *
 * <p>The wire is the witness: tcpdump on the relay's interface records every ACK that actually
 * left the server. After the kill and a restart on the same state directory, each of those must
 * be in the store.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DhcpDurabilityIT {

    private static final int ACKS_BEFORE_KILL = 1000;
    private static final Duration KILL_AT_LATEST = Duration.ofSeconds(15);

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
    void everyAckedLeaseSurvivesKill9AndNoAddressIsHeldTwice() {
        // A /16 so that thousands of perfdhcp clients never exhaust the pool.
        lab = NetnsLab.open("10.231.0.1/16");
        LabClient relay = lab.addClient("02:00:00:00:00:51", "10.231.0.2/16");
        ZtpboxProcess server = ZtpboxProcess.start(lab, jar, ZtpboxYaml.serve("10.231.0.0/16",
                "10.231.1.0-10.231.100.255").withLeaseTime("1h").withProvisioningUrl("http://10.231.0.1/prov/"));
        PacketCapture capture = PacketCapture.start(lab, relay.namespace(), relay.iface());
        // Up to 30 s of 1500 DORA/s from 20000 MACs (all fit the pool); the kill comes long before the end.
        LabProcess perfdhcp = Perfdhcp.startRelay(lab, relay, 1500, 45_000, 20_000, 30);

        // Kill while the server is busy committing and ACKing. A slow or busy machine may never reach
        // ACKS_BEFORE_KILL; the kill then comes after KILL_AT_LATEST, still in the middle of the run.
        try {
            await("ACKs on the wire").atMost(KILL_AT_LATEST).pollInterval(Duration.ofMillis(200))
                    .until(() -> !perfdhcp.isAlive() || acks(capture.dhcpPackets()).size() >= ACKS_BEFORE_KILL);
        } catch (ConditionTimeoutException slowMachine) {
            // Kill now, with whatever was ACKed so far.
        }
        assertThat(perfdhcp.isAlive()).as("perfdhcp still running when the server is killed\n%s\n%s",
                perfdhcp.logTail(40), server.logTail()).isTrue();
        server.kill9();
        perfdhcp.stop();
        awaitCaptureSettled(capture);
        capture.stop();

        List<DhcpPacket> acks = acks(capture.dhcpPackets());
        ZtpboxProcess restarted = server.restart();
        List<LeaseRecord> leases = restarted.leases();

        String context = "\n" + acks.size() + " ACKs captured, " + leases.size() + " leases in the store; tcpdump: "
                + capture.summary() + "\n" + server.logTail() + "\n--- after restart ---\n" + restarted.logTail();
        // One line in the report so a passing run still shows how much it proved.
        System.out.printf("kill -9 after %d ACKs on the wire (%d MACs); %d leases in the store after restart%n",
                acks.size(), acks.stream().map(DhcpPacket::chaddr).distinct().count(), leases.size());
        assertThat(acks).as("ACKs captured before the kill" + context).isNotEmpty();

        // The last ACK per MAC is the one the client holds now.
        Map<String, DhcpPacket> lastAckPerMac = acks.stream()
                .collect(Collectors.toMap(DhcpPacket::chaddr, Function.identity(), (a, b) -> b, LinkedHashMap::new));
        Map<String, List<LeaseRecord>> leasesPerMac = leases.stream()
                .collect(Collectors.groupingBy(LeaseRecord::mac));
        List<String> lost = new ArrayList<>();
        lastAckPerMac.forEach((mac, ack) -> {
            boolean kept = leasesPerMac.getOrDefault(mac, List.of()).stream()
                    .anyMatch(l -> l.isBound() && l.address().equals(ack.yiaddr()));
            if (!kept) {
                List<LeaseRecord> stored = leasesPerMac.getOrDefault(mac, List.of());
                lost.add(mac + " ACKed " + ack.yiaddr() + ", store has " + (stored.isEmpty() ? "nothing" : stored));
            }
        });
        assertThat(lost.size()).as("ACKed leases missing from the store after kill -9, of %d ACKed MACs; first: %s%s",
                lastAckPerMac.size(), lost.subList(0, Math.min(20, lost.size())), context).isZero();

        assertThat(moreThanOnce(leases.stream().map(LeaseRecord::address).toList()))
                .as("addresses stored for more than one lease (address=count)" + context).isEmpty();
        assertThat(moreThanOnce(leases.stream().filter(LeaseRecord::isBound).map(LeaseRecord::mac).toList()))
                .as("MACs holding more than one BOUND address (mac=count)" + context).isEmpty();
    }

    private static Map<String, Long> moreThanOnce(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<DhcpPacket> acks(List<DhcpPacket> packets) {
        return packets.stream()
                .filter(p -> p.op() == DhcpPacket.BOOTREPLY && p.messageType() == DhcpPacket.ACK)
                .filter(p -> p.ipSource().equals("10.231.0.1"))
                .toList();
    }

    /** Replies already on the wire when the server died may still be on their way into the file. */
    private static void awaitCaptureSettled(PacketCapture capture) {
        int[] last = {-1};
        await("capture settled").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    int now = acks(capture.dhcpPackets()).size();
                    boolean settled = now == last[0];
                    last[0] = now;
                    return settled;
                });
    }
}
