package org.ztpbox.lab;

import java.time.Duration;
import java.util.List;

/**
 * perfdhcp as a DHCPv4 relay agent: given the server's address (not an interface) it sends from
 * the client's address, port 67, with giaddr set to that address, and counts only the replies that
 * come back to it there, so every ACK it counts was answered to the relay.
 */
public final class Perfdhcp {

    private Perfdhcp() {
    }

    /**
     * The arguments for {@code exchanges} DORAs from {@code clients} distinct MACs at {@code rate}
     * per second, for at most {@code seconds}; replies later than 2 s count as drops.
     */
    public static List<String> relayCommand(LabClient relay, String server, int rate, int exchanges, int clients,
                                            int seconds) {
        return List.of(Tools.path("perfdhcp"), "-4", "-r", Integer.toString(rate), "-n", Integer.toString(exchanges),
                "-R", Integer.toString(clients), "-p", Integer.toString(seconds), "-d", "2", "-W", "1000000",
                "-l", relay.address(), server);
    }

    /** Runs a bounded relay run to its end and parses the report. */
    public static PerfdhcpReport runRelay(NetnsLab lab, LabClient relay, int rate, int exchanges, int clients,
                                          int seconds) {
        List<String> command = relayCommand(relay, lab.serverAddress(), rate, exchanges, clients, seconds);
        CommandResult result = lab.exec(relay.namespace(), Duration.ofSeconds(seconds + 20L),
                command.toArray(String[]::new));
        // 0: every exchange completed; 3: some did not. Anything else is a usage or socket error.
        if (result.exitCode() != 0 && result.exitCode() != 3) {
            throw new AssertionError("perfdhcp failed: " + result.describe());
        }
        return PerfdhcpReport.parse(result.stdout() + result.stderr());
    }

    /** Starts a relay run in the background (the durability test kills the server under it). */
    public static LabProcess startRelay(NetnsLab lab, LabClient relay, int rate, int exchanges, int clients,
                                        int seconds) {
        return lab.start(relay.namespace(), "perfdhcp-" + relay.iface(),
                relayCommand(relay, lab.serverAddress(), rate, exchanges, clients, seconds));
    }
}
