package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The doctor's report with the override and reset findings added: order and exit code 3. */
class DoctorReportTest {

    private static Finding finding(String code, Severity severity, String subject) {
        return new Finding(code, severity, subject, code + " of " + subject, List.of(), "", Instant.EPOCH);
    }

    private static DoctorReport report(Finding... findings) {
        return new DoctorReport(null, null, List.of(), List.of(), List.of(findings));
    }

    @Test
    void addedFindingsAreSortedMostUrgentFirst() {
        DoctorReport merged = report(finding("second-dhcp-server", Severity.WARNING, "192.0.2.9"))
                .plus(List.of(finding("override-extra", Severity.INFO, "00:04:f2:aa:81:4c"),
                        finding("override-admin-auth", Severity.CRITICAL, "00:04:f2:aa:81:4c")));

        assertThat(merged.findings()).extracting(Finding::code)
                .containsExactly("override-admin-auth", "second-dhcp-server", "override-extra");
    }

    @Test
    void anOverrideOfTheProvisioningServerOrDhcpSettingsIsAStaleSource() {
        assertThat(report().plus(List.of(finding("override-admin-auth", Severity.CRITICAL, "m"))).staleSourceFound())
                .isFalse();
        assertThat(report().plus(List.of(finding("override-provisioning-server", Severity.CRITICAL, "m")))
                .staleSourceFound()).isTrue();
        assertThat(report().plus(List.of(finding("override-dhcp", Severity.CRITICAL, "m"))).staleSourceFound())
                .isTrue();
    }
}
