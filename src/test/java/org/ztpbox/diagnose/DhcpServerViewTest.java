package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.ProbePersona;
import org.ztpbox.diagnose.DhcpServerView.Role;

/** What each server that answered the probe is to the phones. */
class DhcpServerViewTest {

    private final OwnServer own = Lan.ztpbox("phones-only");

    private DhcpServerView only(Lan lan) {
        List<DhcpServerView> servers = lan.servers(own);
        assertThat(servers).hasSize(1);
        return servers.get(0);
    }

    @Test
    void ztpboxIsItselfWhateverItAnswers() {
        assertThat(only(new Lan().server("10.0.0.2", "http://elsewhere/", null)).role()).isEqualTo(Role.SELF);
    }

    @Test
    void aServerPointingPhonesElsewhereIsStale() {
        assertThat(only(new Lan().server("192.0.2.1", null, "tftp://192.0.2.1/")).role()).isEqualTo(Role.STALE);
        assertThat(only(new Lan().server("192.0.2.1", "http://10.0.0.2/old/", Lan.ZTPBOX_URL)).role())
                .isEqualTo(Role.STALE);
    }

    @Test
    void aServerHandingOutZtpboxAgrees() {
        assertThat(only(new Lan().server("10.0.0.1", Lan.ZTPBOX_URL, "tftp://10.0.0.2/")).role()).isEqualTo(Role.AGREES);
    }

    @Test
    void aServerWithoutBootServerOptionsIsJustAnotherDhcpServer() {
        assertThat(only(new Lan().server("10.0.0.1", null, "  ")).role()).isEqualTo(Role.NO_PROVISIONING);
    }

    @Test
    void aServerPointingAtThisBoxWithoutSchemeIsUnserved() {
        assertThat(only(new Lan().server("10.0.0.1", null, "10.0.0.2")).role()).isEqualTo(Role.UNSERVED);
    }

    @Test
    void aServerGivingBootServerOptionsOnlyToPhonesIsToldApart() {
        DhcpServerView view = only(new Lan()
                .answer("192.0.2.1", ProbePersona.PHONE, "DISCOVER", "http://old/", null)
                .answer("192.0.2.1", ProbePersona.GENERIC, "DISCOVER", null, null));

        assertThat(view.role()).isEqualTo(Role.STALE);
        assertThat(view.provisioningOnlyToPhones()).isTrue();
        assertThat(view.answersOnlyPhones()).isFalse();
    }

    @Test
    void aServerIgnoringTheGenericClientIsToldApart() {
        DhcpServerView view = only(new Lan().answer("192.0.2.1", ProbePersona.PHONE, "DISCOVER", "http://old/", null));

        assertThat(view.answersOnlyPhones()).isTrue();
        assertThat(view.provisioningOnlyToPhones()).isFalse();
    }

    @Test
    void ztpboxComesFirstThenByAddress() {
        List<DhcpServerView> servers = new Lan().server("192.0.2.9", null, null).server("10.0.0.2", Lan.ZTPBOX_URL, null)
                .server("192.0.2.1", null, null).servers(own);

        assertThat(servers).extracting(s -> s.server().toString()).containsExactly("10.0.0.2", "192.0.2.1", "192.0.2.9");
    }

    @Test
    void evidenceNamesEachAnswerWithMaskedValues() {
        DhcpServerView view = only(new Lan().answer("192.0.2.1", ProbePersona.PHONE, "DISCOVER",
                "http://u:secret@old/", null));

        assertThat(view.evidence()).singleElement().asString()
                .contains("OFFER to the probe's phone DISCOVER from 192.0.2.1", "MAC unknown", "address 192.0.2.101",
                        "lease 1h", "option 160 = http://u:****@old/", "option 66 absent")
                .doesNotContain("secret");
    }
}
