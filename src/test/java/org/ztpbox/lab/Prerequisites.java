package org.ztpbox.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a real-peer test needs before it starts: root (namespaces, port 67, raw sockets), the peer
 * programs and the packaged jar. When something is missing the test is skipped with the reason,
 * except under {@code CI=true}, where CI is expected to provide everything: there a skip would
 * hide a suite that never ran, so it fails instead.
 */
public final class Prerequisites {

    /** Every program the lab itself and the DHCP real-peer tests run. */
    public static final List<String> DHCP_PEERS = List.of("ip", "kill", "dhclient", "udhcpc", "perfdhcp", "tcpdump");

    /** The TFTP clients the TFTP real-peer tests run (Debian: curl, tftp-hpa, atftp). */
    public static final List<String> TFTP_CLIENTS = List.of("curl", "tftp", "atftp");

    private Prerequisites() {
    }

    /** Checks only programs: for real-peer tests against a server in the test JVM on loopback, which need no root. */
    public static void requirePrograms(List<String> tools) {
        List<String> missing = Tools.missing(tools.toArray(String[]::new));
        if (!missing.isEmpty()) {
            unmet("missing program(s): " + String.join(", ", missing)
                    + " (Debian: apt-get install curl tftp-hpa atftp tftpd-hpa iproute2)");
        }
    }

    /** Checks root, the given programs and the jar; returns the jar. */
    public static Path require(List<String> tools) {
        List<String> problems = new ArrayList<>();
        if (!isRoot()) {
            problems.add("not running as root (network namespaces, UDP port 67 and raw sockets need it)");
        }
        List<String> missing = Tools.missing(tools.toArray(String[]::new));
        if (!missing.isEmpty()) {
            problems.add("missing program(s): " + String.join(", ", missing)
                    + " (Debian: apt-get install iproute2 procps isc-dhcp-client udhcpc kea-admin tcpdump dnsmasq-base)");
        }
        String jar = System.getProperty("ztpbox.jar");
        if (jar == null || jar.isBlank()) {
            problems.add("system property ztpbox.jar is not set (run through 'mvn verify', which packages the jar)");
        } else if (!Files.isRegularFile(Path.of(jar))) {
            problems.add("ztpbox jar not found at " + jar + " (run 'mvn package' first)");
        }
        if (!problems.isEmpty()) {
            unmet(String.join("; ", problems));
        }
        return Path.of(jar);
    }

    private static void unmet(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("Real-peer test cannot run, and CI=true makes that a failure, not a skip: " + reason);
        }
        Assumptions.abort("Real-peer test skipped: " + reason);
    }

    private static boolean isRoot() {
        try {
            // The effective uid is the second number on the Uid line.
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length > 1 && ids[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
