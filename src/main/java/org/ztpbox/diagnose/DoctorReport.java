package org.ztpbox.diagnose;

import java.util.List;

/**
 * Everything {@code ztpbox doctor} concluded: the DHCP servers as the probe saw them, where phones
 * will go, and the findings, most urgent first.
 *
 * @param probe null when no probe ran (passive rules only)
 */
public record DoctorReport(OwnServer own, org.ztpbox.core.DhcpProbeReport probe, List<DhcpServerView> servers,
                           List<BootPrediction> predictions, List<Finding> findings) {

    public DoctorReport {
        servers = List.copyOf(servers);
        predictions = List.copyOf(predictions);
        findings = List.copyOf(findings);
    }

    /** True when some DHCP server points phones at another provisioning server (exit code 3). */
    public boolean staleSourceFound() {
        return findings.stream().anyMatch(f -> f.code().equals(ProbeFindings.STALE));
    }
}
