package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ztpbox.diagnose.AddressMatch.Verdict;

/** Does a phone told this value fetch ztpbox's files? ztpbox: http://10.0.0.2/prov/, HTTPS on, TFTP on. */
class AddressMatchTest {

    private final OwnServer own = Lan.ztpbox("serve");

    private Verdict verdict(String value) {
        return AddressMatch.of(value, own).verdict();
    }

    @Test
    void ztpboxsOwnUrlInEveryEquivalentSpelling() {
        assertThat(verdict("http://10.0.0.2/prov/")).isEqualTo(Verdict.ZTPBOX);
        assertThat(verdict("http://10.0.0.2/prov")).isEqualTo(Verdict.ZTPBOX);
        assertThat(verdict("HTTP://10.0.0.2:80/prov/")).isEqualTo(Verdict.ZTPBOX);
        assertThat(verdict("http://10.0.0.2/prov/000000000000.cfg")).isEqualTo(Verdict.ZTPBOX);
        assertThat(verdict("http://PlcmSpIp:secret@10.0.0.2/prov/")).isEqualTo(Verdict.ZTPBOX);
    }

    @Test
    void otherTransportsZtpboxServesCountAsZtpbox() {
        assertThat(verdict("https://10.0.0.2/prov/")).isEqualTo(Verdict.ZTPBOX);
        assertThat(verdict("tftp://10.0.0.2/")).isEqualTo(Verdict.ZTPBOX);
        assertThat(verdict("tftp://10.0.0.2")).isEqualTo(Verdict.ZTPBOX);
    }

    @Test
    void ztpboxsOtherNamesAreZtpbox() {
        assertThat(verdict("http://prov.office.lan/prov/")).isEqualTo(Verdict.ZTPBOX);
        assertThat(verdict("http://ZTPBOX/prov/")).isEqualTo(Verdict.ZTPBOX);
    }

    @Test
    void anotherHostIsElsewhere() {
        AddressMatch m = AddressMatch.of("http://old:pw@192.0.2.1/prov/", own);

        assertThat(m.verdict()).isEqualTo(Verdict.ELSEWHERE);
        assertThat(m.differences()).singleElement().asString().contains("host 192.0.2.1 is not this appliance");
        assertThat(m.address().toString()).doesNotContain("pw@");
        assertThat(verdict("tftp://old-pbx.example.com/")).isEqualTo(Verdict.ELSEWHERE);
        assertThat(verdict("192.0.2.1")).isEqualTo(Verdict.ELSEWHERE);
    }

    @Test
    void anotherPathOnThisBoxIsElsewhere() {
        AddressMatch m = AddressMatch.of("http://10.0.0.2/oldprov/", own);

        assertThat(m.verdict()).isEqualTo(Verdict.ELSEWHERE);
        assertThat(m.differences()).singleElement().asString().contains("path /oldprov/", "serves /prov/");
        assertThat(verdict("https://10.0.0.2/")).isEqualTo(Verdict.ELSEWHERE);
    }

    @Test
    void thisBoxInAFormZtpboxDoesNotServe() {
        assertThat(AddressMatch.of("10.0.0.2", own).differences()).singleElement().asString()
                .contains("no scheme", "FTP");
        assertThat(verdict("10.0.0.2")).isEqualTo(Verdict.ZTPBOX_UNSERVED);
        assertThat(verdict("ftp://10.0.0.2/prov/")).isEqualTo(Verdict.ZTPBOX_UNSERVED);
        assertThat(verdict("http://10.0.0.2:8080/prov/")).isEqualTo(Verdict.ZTPBOX_UNSERVED);
        assertThat(verdict("http://10.0.0.2/prov/old-master.cfg")).isEqualTo(Verdict.ZTPBOX_UNSERVED);
        // Below ztpbox's tree: served only if that directory holds the files, which only the catalog knows.
        assertThat(verdict("http://10.0.0.2/prov/polycom/")).isEqualTo(Verdict.ZTPBOX_UNSERVED);
        assertThat(verdict("tftp://10.0.0.2/polycom/")).isEqualTo(Verdict.ZTPBOX_UNSERVED);
    }

    @Test
    void garbageIsElsewhere() {
        assertThat(verdict("  ")).isEqualTo(Verdict.ELSEWHERE);
    }
}
