package org.ztpbox.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Everything {@code ztpbox doctor} concluded: the DHCP servers as the probe saw them, where phones
 * will go, and the findings, most urgent first.
 *
 * @param probe null when no probe ran (passive rules only)
 */
public record DoctorReport(OwnServer own, org.ztpbox.core.DhcpProbeReport probe, List<DhcpServerView> servers,
                           List<BootPrediction> predictions, List<Finding> findings) {

    /** Most urgent first, then by rule and subject. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).thenComparing(Finding::code)
            .thenComparing(Finding::subject);

    /** Override findings that, like a stale DHCP option, send phones to another provisioning server. */
    private static final Set<String> STALE_OVERRIDES = Set.of(ParameterClass.PROVISIONING_SERVER.code(),
            ParameterClass.DHCP.code());

    public DoctorReport {
        servers = List.copyOf(servers);
        predictions = List.copyOf(predictions);
        findings = List.copyOf(findings);
    }

    /** This report with more findings (override files, returns from a reset), all in {@link #ORDER}. */
    public DoctorReport plus(List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        all.sort(ORDER);
        return new DoctorReport(own, probe, servers, predictions, all);
    }

    /**
     * True when some DHCP server, or an uploaded override file, points phones at another
     * provisioning server (exit code 3).
     */
    public boolean staleSourceFound() {
        return findings.stream().anyMatch(f -> f.code().equals(ProbeFindings.STALE)
                || STALE_OVERRIDES.contains(f.code()));
    }
}
