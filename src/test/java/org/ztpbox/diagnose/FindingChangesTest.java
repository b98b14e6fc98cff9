package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.PhoneEvent;

class FindingChangesTest {

    private static Finding finding(String subject, Instant at) {
        return new Finding("dhcp-stale-provisioning", Severity.CRITICAL, subject, "points elsewhere: " + subject,
                List.of("OFFER ..."), "remove it", at);
    }

    @Test
    void reportsEachFindingOnceWhenItAppearsAndOnceWhenItIsGone() {
        FindingChanges changes = new FindingChanges();
        Instant t = Instant.parse("2026-11-22T10:00:00Z");

        FindingChanges.Changes first = changes.update(List.of(finding("192.0.2.1", t)));
        FindingChanges.Changes again = changes.update(List.of(finding("192.0.2.1", t.plusSeconds(600)),
                finding("192.0.2.9", t.plusSeconds(600))));
        FindingChanges.Changes gone = changes.update(List.of(finding("192.0.2.9", t.plusSeconds(1200))));

        assertThat(first.appeared()).extracting(Finding::subject).containsExactly("192.0.2.1");
        assertThat(again.appeared()).extracting(Finding::subject).containsExactly("192.0.2.9");
        assertThat(again.resolved()).isEmpty();
        assertThat(gone.appeared()).isEmpty();
        assertThat(gone.resolved()).extracting(Finding::subject).containsExactly("192.0.2.1");
    }

    @Test
    void findingsBecomeEventsOfThePhoneTheyAreAbout() {
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        PhoneEvent aboutPhone = FindingEvents.appeared(new Finding("phone-not-provisioned-here", Severity.WARNING,
                "00:04:f2:aa:81:4c", "summary", List.of("a", "b"), "fix", t));
        PhoneEvent aboutServer = FindingEvents.resolved(finding("192.0.2.1", t), t.plusSeconds(60));

        assertThat(aboutPhone.mac()).hasToString("00:04:f2:aa:81:4c");
        assertThat(aboutPhone.source()).isEqualTo("doctor");
        assertThat(aboutPhone.type()).isEqualTo("FINDING");
        assertThat(aboutPhone.detail("evidence")).isEqualTo("a\nb");
        assertThat(aboutServer.mac()).isNull();
        assertThat(aboutServer.type()).isEqualTo("RESOLVED");
        assertThat(aboutServer.at()).isEqualTo(t.plusSeconds(60));
        assertThat(aboutServer.detail("severity")).isEqualTo("CRITICAL");
    }
}
