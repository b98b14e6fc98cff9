package org.ztpbox.lab;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * ISC dhclient in a client namespace, with its own config, lease file, PID file and a recording
 * hook, all in the lab directory. Option 160 is declared as text so the hook sees it as
 * {@code new_prov_url}; option 66 arrives as {@code new_tftp_server_name}.
 */
public final class Dhclient {

    /** Option 60 as a Poly VVX 410 sends it: RFC 3925 vendor class, enterprise 13885 (00:00:36:3d). */
    public static final String POLYCOM_VENDOR_CLASS =
            "00:00:36:3d:2c:01:07:50:6f:6c:79:63:6f:6d:02:0b:56:56:58:2d:56:56:58:5f:34:31:30:ff";

    private final LabProcess process;
    private final HookRecorder hook;

    private Dhclient(LabProcess process, HookRecorder hook) {
        this.process = process;
        this.hook = hook;
    }

    /** Starts dhclient as a Polycom phone would ask: vendor class, and 66 and 160 in its request list. */
    public static Dhclient startAsPolycomPhone(NetnsLab lab, LabClient client) {
        return startAsPolycomPhone(lab, client, "");
    }

    /** The same, with more dhclient.conf statements, e.g. {@code reject 10.231.0.2;} to refuse a server's offers. */
    public static Dhclient startAsPolycomPhone(NetnsLab lab, LabClient client, String moreConf) {
        String name = "dhclient-" + client.iface();
        String conf = moreConf + "option prov-url code 160 = text;\n"
                + "send vendor-class-identifier " + POLYCOM_VENDOR_CLASS + ";\n"
                + "request subnet-mask, routers, domain-name-servers, tftp-server-name, prov-url;\n"
                // Bounded: give up after 20 s instead of dhclient's default minute.
                + "timeout 20;\n"
                + "initial-interval 1;\n";
        HookRecorder hook = HookRecorder.create(lab, name, "$reason");
        String confFile = lab.write(name + ".conf", conf, false).toString();
        LabProcess process = lab.start(client.namespace(), name, List.of(Tools.path("dhclient"), "-1", "-d", "-v",
                "-cf", confFile,
                "-lf", lab.dir().resolve(name + ".leases").toString(),
                "-pf", lab.dir().resolve(name + ".pid").toString(),
                "-sf", hook.script().toString(),
                client.iface()));
        return new Dhclient(process, hook);
    }

    /** Waits for the BOUND call of the hook; fails with dhclient's log if it gives up or times out. */
    public HookEvent awaitBound(Duration timeout, String serverLog) {
        try {
            await("dhclient BOUND").atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> hook.first("BOUND").isPresent() || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("dhclient got no lease within " + timeout.toSeconds() + " s; hook events "
                    + hook.eventNames() + "\n--- dhclient log ---\n" + process.logTail(30) + "\n" + serverLog, e);
        }
        return hook.first("BOUND").orElseThrow(() -> new AssertionError("dhclient exited without a lease (code "
                + process.exitValue() + "); hook events " + hook.eventNames() + "\n--- dhclient log ---\n"
                + process.logTail(30) + "\n" + serverLog));
    }

    /** dhclient -d stays in the foreground to renew; the test stops it (SIGTERM sends no RELEASE). */
    public void stop() {
        process.stop();
    }
}
