package org.ztpbox.lab;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * dnsmasq playing the LAN's other DHCP server (an old PBX, the ISP router), inside one client
 * namespace of the lab and bound to that namespace's interface only: no DNS ({@code --port=0}), no
 * configuration file, its own PID and lease files in the lab directory. It stays in the foreground
 * with its log on stderr, and the lab stops it by its PID. {@code --no-ping} skips the ICMP check
 * dnsmasq makes before an offer, which delays the offer by up to 3 s.
 */
public final class Dnsmasq {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final LabProcess process;

    private Dnsmasq(LabProcess process) {
        this.process = process;
    }

    /** @param options the DHCP set-up, e.g. {@code --dhcp-range=...}, {@code --dhcp-option-force=160,...} */
    public static Dnsmasq start(NetnsLab lab, LabClient host, String name, List<String> options) {
        List<String> command = new ArrayList<>(List.of(Tools.path("dnsmasq"), "--keep-in-foreground",
                "--log-facility=-", "--log-dhcp", "--conf-file=/dev/null", "--port=0", "--no-ping",
                "--pid-file=" + lab.dir().resolve(name + ".pid"),
                "--dhcp-leasefile=" + lab.dir().resolve(name + ".leases"),
                "--interface=" + host.iface(), "--bind-interfaces"));
        command.addAll(options);
        LabProcess process = lab.start(host.namespace(), name, command);
        try {
            await(name + " started").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
                    .until(() -> !process.isAlive() || process.log().contains("DHCP, sockets bound exclusively"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + " did not start within " + START_TIMEOUT.toSeconds() + " s; log:\n"
                    + process.logTail(20), e);
        }
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with code " + process.exitValue() + "; log:\n" + process.logTail(20));
        }
        return new Dnsmasq(process);
    }

    public String log() {
        return process.log();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM by its PID (then SIGKILL if it lingers); the lab would do the same on close. */
    public void stop() {
        process.stop();
    }
}
