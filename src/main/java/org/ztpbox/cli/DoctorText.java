package org.ztpbox.cli;

import java.io.PrintWriter;
import org.ztpbox.config.Durations;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.diagnose.AddressMatch;
import org.ztpbox.diagnose.BootPrediction;
import org.ztpbox.diagnose.DhcpServerView;
import org.ztpbox.diagnose.DoctorReport;
import org.ztpbox.diagnose.Finding;

/** {@code ztpbox doctor} for people: servers, where phones go, findings with evidence and fix. */
final class DoctorText {

    private DoctorText() {
    }

    static void print(DoctorReport r, PrintWriter out) {
        out.printf("ztpbox on %s is %s, provisioning URL %s (dhcp.mode %s)%n", r.own().interfaceName(),
                r.own().address(), r.own().maskedUrl(), r.own().mode().configName());
        DhcpProbeReport p = r.probe();
        if (p != null) {
            out.printf("Probe: DISCOVER%s as a Poly phone (%s, option 60) and as a generic client, from %s;"
                    + " answers collected for %s%n", p.clientAddress() == null ? "" : " and INFORM", p.phoneModel(),
                    p.probeMac(), Durations.format(p.window()));
            p.notes().forEach(n -> out.printf("  note: %s%n", n));
            out.printf("%nDHCP servers answering (%d)%n", r.servers().size());
            for (DhcpServerView s : r.servers()) {
                out.printf("  %s  %s%n", s.label(), role(s));
                for (AddressMatch m : s.provisioning()) {
                    out.printf("    boot server %s: %s%n", m.address(), m.isZtpbox() ? "ztpbox"
                            : String.join("; ", m.differences()));
                }
                s.evidence().forEach(line -> out.printf("    %s%n", line));
            }
            out.printf("%nWhere phones will be provisioned from%n");
            for (BootPrediction b : r.predictions()) {
                out.printf("  %s: %s%n", b.phone(), b.summary());
                b.caveats().forEach(c -> out.printf("    assumes: %s%n", c));
            }
        }
        out.printf("%nFindings (%d)%n", r.findings().size());
        for (Finding f : r.findings()) {
            out.printf("  %-8s %s  %s%n", f.severity(), f.code(), f.subject());
            out.printf("    %s%n", f.summary());
            if (!f.evidence().isEmpty()) {
                out.printf("    evidence:%n");
                f.evidence().forEach(line -> out.printf("      %s%n", line));
            }
            if (!f.fix().isEmpty()) {
                out.printf("    fix: %s%n", f.fix());
            }
        }
        out.printf("%n%s%n", r.staleSourceFound()
                ? "A DHCP server points phones at another provisioning server (exit code 3)."
                : "No DHCP server points phones at another provisioning server.");
    }

    private static String role(DhcpServerView s) {
        return switch (s.role()) {
            case SELF -> "ztpbox itself";
            case STALE -> "STALE: points phones at another provisioning server"
                    + (s.provisioningOnlyToPhones() ? " (only Poly phones get it)" : "");
            case UNSERVED -> "points phones at this box in a form ztpbox does not serve";
            case AGREES -> "another DHCP server, handing out ztpbox's provisioning address";
            case NO_PROVISIONING -> "another DHCP server, no boot-server option";
        };
    }
}
