package org.ztpbox.lab;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * tcpdump capturing the DHCP traffic (UDP 67 and 68) on one interface inside a lab namespace,
 * writing each packet out at once ({@code -U}) so the file can be read while it runs.
 */
public final class PacketCapture {

    private final LabProcess tcpdump;
    private final Path file;

    private PacketCapture(LabProcess tcpdump, Path file) {
        this.tcpdump = tcpdump;
        this.file = file;
    }

    /** Starts tcpdump and waits until it captures (it prints "listening on"). */
    public static PacketCapture start(NetnsLab lab, String namespace, String iface) {
        Path file = lab.dir().resolve("capture-" + iface + ".pcap");
        // -Z root: tcpdump otherwise drops to its own user and cannot write into the lab's private dir.
        LabProcess tcpdump = lab.start(namespace, "tcpdump-" + iface, List.of(Tools.path("tcpdump"), "-i", iface,
                "-n", "-U", "-Z", "root", "-w", file.toString(), "udp port 67 or udp port 68"));
        try {
            await("tcpdump listening on " + iface).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !tcpdump.isAlive() || tcpdump.log().contains("listening on"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("tcpdump did not start on " + iface + ":\n" + tcpdump.logTail(20), e);
        }
        if (!tcpdump.isAlive()) {
            throw new AssertionError("tcpdump exited with " + tcpdump.exitValue() + ":\n" + tcpdump.logTail(20));
        }
        return new PacketCapture(tcpdump, file);
    }

    /** The DHCP messages captured so far (works while tcpdump runs). */
    public List<DhcpPacket> dhcpPackets() {
        try {
            return PcapReader.readDhcp(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGINT, as at a terminal: tcpdump flushes the file, prints its counts and exits. */
    public void stop() {
        tcpdump.signal("INT");
        tcpdump.awaitExit(Duration.ofSeconds(10));
    }

    /** tcpdump's own summary ("N packets captured ... M dropped by kernel"), for messages. */
    public String summary() {
        return tcpdump.logTail(5);
    }
}
