package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ztpbox.core.ProbePersona;
import org.ztpbox.diagnose.AddressMatch.Verdict;

/** Where a phone goes, from every server's answers (polycom-provisioning.md §1.3, §1.4). */
class PrecedenceModelTest {

    private static final String STALE = "http://old:pw@192.0.2.1/prov/";
    private final OwnServer own = Lan.ztpbox("serve");
    private final PrecedenceModel model = new PrecedenceModel(own);

    private BootPrediction predict(Lan lan, BootServerSetting setting) {
        return model.predict("a phone", setting, lan.servers(own));
    }

    @Test
    void withZtpboxAloneThePhoneUsesZtpbox() {
        BootPrediction p = predict(new Lan().server("10.0.0.2", Lan.ZTPBOX_URL, Lan.ZTPBOX_URL),
                BootServerSetting.OPTION_160_THEN_66);

        assertThat(p.race()).isFalse();
        assertThat(p.mayMissZtpbox()).isFalse();
        assertThat(p.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.address()).isEqualTo(Lan.ZTPBOX_URL);
            assertThat(o.why()).contains("option 160 from ztpbox (10.0.0.2)'s lease");
        });
        assertThat(p.summary()).startsWith("the phone uses http://10.0.0.2/prov/ (ztpbox)");
    }

    @Test
    void option160WinsOverOption66FromTheSameServer() {
        BootPrediction p = predict(new Lan().server("192.0.2.1", STALE, Lan.ZTPBOX_URL),
                BootServerSetting.OPTION_160_THEN_66);

        assertThat(p.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.verdict()).isEqualTo(Verdict.ELSEWHERE);
            assertThat(o.address()).isEqualTo("http://old:****@192.0.2.1/prov/");
            assertThat(o.why()).contains("option 160 is read before option 66", "option 66 = " + Lan.ZTPBOX_URL);
        });
        assertThat(p.summary()).contains("(not ztpbox)").doesNotContain("pw@");
    }

    @Test
    void aPhoneReadingOnlyOption66IgnoresOption160() {
        BootPrediction p = predict(new Lan().server("192.0.2.1", STALE, Lan.ZTPBOX_URL), BootServerSetting.OPTION_66);

        assertThat(p.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.verdict()).isEqualTo(Verdict.ZTPBOX);
            assertThat(o.why()).contains("reads option 66 only", "is ignored");
        });
    }

    @Test
    void twoServersOfferingDifferentAddressesIsARace() {
        BootPrediction p = predict(new Lan().server("10.0.0.2", Lan.ZTPBOX_URL, Lan.ZTPBOX_URL)
                .server("192.0.2.1", null, "tftp://192.0.2.1/"), BootServerSetting.OPTION_160_THEN_66);

        assertThat(p.race()).isTrue();
        assertThat(p.outcomes()).extracting(BootPrediction.Outcome::leaseFrom, BootPrediction.Outcome::verdict)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ztpbox (10.0.0.2)", Verdict.ZTPBOX),
                        org.assertj.core.groups.Tuple.tuple("192.0.2.1", Verdict.ELSEWHERE));
        assertThat(p.outcomes().get(1).why()).contains("option 66 from 192.0.2.1's lease (it has no option 160)");
        assertThat(p.summary()).startsWith("a race: the phone takes the first offer it receives");
    }

    @Test
    void twoServersPointingAtZtpboxIsNoRace() {
        BootPrediction p = predict(new Lan().server("10.0.0.2", Lan.ZTPBOX_URL, Lan.ZTPBOX_URL)
                .server("10.0.0.1", Lan.ZTPBOX_URL, null), BootServerSetting.OPTION_160_THEN_66);

        assertThat(p.race()).isFalse();
        assertThat(p.summary()).startsWith("whichever offer it takes, the phone uses http://10.0.0.2/prov/ (ztpbox)");
    }

    @Test
    void aLeaseWithoutBootServerLeadsToDhcpInformAnsweredByZtpbox() {
        Lan lan = new Lan().server("10.0.0.1", null, null)
                .answer("10.0.0.2", ProbePersona.PHONE, "INFORM", Lan.ZTPBOX_URL, Lan.ZTPBOX_URL);

        BootPrediction p = predict(lan, BootServerSetting.OPTION_160_THEN_66);

        assertThat(p.race()).isFalse();
        assertThat(p.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.leaseFrom()).isEqualTo("10.0.0.1");
            assertThat(o.verdict()).isEqualTo(Verdict.ZTPBOX);
            assertThat(o.why()).contains("carries neither option 66 nor 160", "sends DHCPINFORM",
                    "ztpbox (10.0.0.2) answers with option 160");
        });
    }

    @Test
    void twoInformAnswersAreARaceToo() {
        Lan lan = new Lan().server("10.0.0.1", null, null)
                .answer("10.0.0.2", ProbePersona.PHONE, "INFORM", Lan.ZTPBOX_URL, null)
                .answer("192.0.2.1", ProbePersona.PHONE, "INFORM", null, "192.0.2.1");

        BootPrediction p = predict(lan, BootServerSetting.OPTION_160_THEN_66);

        assertThat(p.race()).isTrue();
        assertThat(p.outcomes()).hasSize(2).allSatisfy(o -> assertThat(o.why()).contains("the first answer wins"));
        assertThat(p.outcomes()).extracting(BootPrediction.Outcome::verdict)
                .containsExactlyInAnyOrder(Verdict.ZTPBOX, Verdict.ELSEWHERE);
    }

    @Test
    void withNoBootServerAnywhereThePhoneFallsBackOnWhatItStores() {
        BootPrediction p = predict(new Lan().server("10.0.0.1", null, null), BootServerSetting.OPTION_160_THEN_66);

        assertThat(p.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.address()).isNull();
            assertThat(o.why()).contains("nobody answers the DHCPINFORM", "stored in its flash");
        });
        assertThat(p.mayMissZtpbox()).isTrue();
    }

    @Test
    void onlyThePhonesAnswersCount() {
        // The server gives 160 to the generic client only: a phone gets nothing from it.
        Lan lan = new Lan().answer("192.0.2.1", ProbePersona.PHONE, "DISCOVER", null, null)
                .answer("192.0.2.1", ProbePersona.GENERIC, "DISCOVER", STALE, null);

        BootPrediction p = predict(lan, BootServerSetting.OPTION_160_THEN_66);

        assertThat(p.outcomes()).singleElement().satisfies(o -> assertThat(o.address()).isNull());
    }

    @Test
    void noOfferNoLease() {
        BootPrediction p = predict(new Lan(), BootServerSetting.OPTION_160_THEN_66);

        assertThat(p.outcomes()).isEmpty();
        assertThat(p.summary()).contains("no DHCP server offered the phone a lease");
        assertThat(p.caveats()).anyMatch(c -> c.contains("Static"));
    }
}
