package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;

class ResetGuidesTest {

    private static final MacAddress MAC = MacAddress.parse("00:04:f2:aa:81:4c");
    private static final String URL = "http://10.0.0.2/prov/";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        // written by admins, sent in option 60, sent in the User-Agent
        "VVX 410;VVX 410", "vvx410;VVX 410", "VVX-VVX_410;VVX 410", "VVX_101;VVX 101", "VVX 1500;VVX 1500",
        "SoundPoint IP 550;SoundPoint IP 550", "SoundPointIP-SPIP_601;SoundPoint IP 601", "SPIP335;SoundPoint IP 335",
        "IP 650;SoundPoint IP 650", "SoundStation IP 6000;SoundStation IP 6000", "SSIP_6000;SoundStation IP 6000",
        "IP 7000;SoundStation IP 7000", "SoundStation Duo;SoundStation Duo", "SSDuo;SoundStation Duo",
        "Trio 8800;Trio 8800", "RealPresenceTrio-Trio_8800;Trio 8800", "Edge E450;Edge E450", "EdgeE450;Edge E450",
        "E100;Edge E100", "SpectraLink 8440;SpectraLink 8440", "CCX 500;CCX 500", "VVX D60;VVX D60",
        "Polycom VVX 311;VVX 311"})
    void readsModelsHoweverTheyAreWritten(String text, String display) {
        assertThat(PhoneModel.parse(text)).map(PhoneModel::display).contains(display);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "VVX 410;1,3,5", "VVX 150;1,3,5", "VVX 601;1,3,5", "SpectraLink 8440;1,3,5", "Trio 8300;1,3,5",
        "Edge E450;1,3,5", "SoundPoint IP 335;1,3,5,7", "SoundPoint IP 450;1,3,5,7", "SoundStation IP 5000;1,3,5,7",
        "SoundStation Duo;1,3,5,7", "SoundPoint IP 550;4,6,8,*", "SoundPoint IP 650;4,6,8,*",
        "SoundPoint IP 670;4,6,8,*", "VVX 1500;4,6,8,*", "SoundStation IP 6000;6,8,*", "SoundStation IP 4000;6,8,*",
        "Trio 8800;", "VVX D60;"})
    void keyCombinationsPerModel(String model, String keys) {
        ResetProcedure p = ResetProcedures.of(PhoneModel.parse(model).orElseThrow()).orElseThrow();
        assertThat(String.join(",", p.keys())).isEqualTo(keys == null ? "" : keys);
    }

    @Test
    void aVvxGuideSaysCancelThenHold135AndGivesTheFaqPassword() {
        ResetGuide guide = ResetGuides.build(MAC, "VVX 410", List.of(), URL);

        assertThat(guide.model().display()).isEqualTo("VVX 410");
        assertThat(guide.modelSource()).isEqualTo("given with --model");
        assertThat(guide.procedures()).extracting(ResetProcedure::id).containsExactly("vvx");
        assertThat(guide.steps()).anySatisfy(s -> assertThat(s).contains("press the Cancel soft key", "countdown"))
                .anySatisfy(s -> assertThat(s).contains("press and hold 1, 3 and 5 together until the password prompt"));
        assertThat(guide.password()).isEqualTo("0004f2aa814c");
        assertThat(DialPad.compact(guide.passwordKeys()))
                .isEqualTo("0 0 0 4 [mode] 333 [mode x2] 2 [mode] 2 (wait) 2 [mode x2] 8 1 4 [mode] 222");
        assertThat(guide.notes()).anySatisfy(n -> assertThat(n).contains("ztpbox prepare-reset 00:04:f2:aa:81:4c"));
    }

    @Test
    void theSetupMenuTypesTheProvisioningAddressWithStarAndHash() {
        ResetGuide.Setup setup = ResetGuides.build(MAC, "VVX 410", List.of(), URL).setup();

        assertThat(setup.serverType()).isEqualTo("HTTP");
        assertThat(setup.address()).isEqualTo("10.0.0.2/prov/");
        assertThat(DialPad.compact(setup.addressKeys())).startsWith("1 0 * 0 * 0 * 2 #");
        assertThat(setup.steps()).anySatisfy(s -> assertThat(s).contains("Server Type: HTTP"))
                .anySatisfy(s -> assertThat(s).contains("Save & Reboot"));

        ResetGuide.Setup withCredentials = ResetGuides.setup("https://phones:s3cret@prov.example.com:8443/p/");
        assertThat(withCredentials.serverType()).isEqualTo("HTTPS");
        assertThat(withCredentials.address()).isEqualTo("prov.example.com:8443/p/");
        assertThat(withCredentials.user()).isEqualTo("phones");
        assertThat(withCredentials.hasPassword()).isTrue();
        assertThat(withCredentials.url()).doesNotContain("s3cret").contains("phones:****@");
        assertThat(withCredentials.steps()).noneSatisfy(s -> assertThat(s).contains("s3cret"));
    }

    @Test
    void withoutModelTheObservedOneIsUsedNewestFirst() {
        List<PhoneEvent> events = List.of(
                event(1, "dhcp", Map.of("model", "SoundPointIP-SPIP_550", "stage", "boot")),
                event(2, "http", Map.of("model", "VVX410", "firmware", "5.9.5.0614", "stage", "Application")));

        ResetGuide guide = ResetGuides.build(MAC, null, events, URL);

        assertThat(guide.model().display()).isEqualTo("VVX 410");
        assertThat(guide.modelSource()).contains("the HTTP User-Agent", "VVX410");
        assertThat(guide.firmware()).isEqualTo("5.9.5.0614");
    }

    @Test
    void aSip3PhoneIsToldAboutTheBootRomCountdownInstead() {
        List<PhoneEvent> events = List.of(event(1, "http", Map.of("model", "SPIP335", "firmware", "3.2.1.0078")));

        ResetGuide guide = ResetGuides.build(MAC, null, events, URL);

        assertThat(guide.procedures()).extracting(ResetProcedure::id).containsExactly("soundpoint-1357");
        assertThat(guide.steps()).anySatisfy(s -> assertThat(s).contains("BootROM", "nothing to cancel"))
                .noneSatisfy(s -> assertThat(s).contains("press the Cancel soft key"));
    }

    @Test
    void anUnknownModelListsEveryCombinationToTry() {
        ResetGuide guide = ResetGuides.build(MAC, null, List.of(), URL);

        assertThat(guide.model()).isNull();
        assertThat(guide.modelSource()).startsWith("unknown");
        assertThat(guide.procedures()).extracting(p -> String.join(",", p.keys()))
                .contains("1,3,5", "1,3,5,7", "4,6,8,*", "6,8,*");
        assertThat(guide.steps()).anySatisfy(s -> assertThat(s).contains("try 1, 3 and 5", "then 1, 3, 5 and 7",
                "then 4, 6, 8 and *", "then 6, 8 and *"));
    }

    @Test
    void modelsWithoutKeysGetTheirOwnProcedure() {
        ResetGuide trio = ResetGuides.build(MAC, "Trio 8800", List.of(), URL);
        assertThat(trio.steps()).anySatisfy(s -> assertThat(s).contains("four corners", "mute keys flash"));
        ResetGuide edge = ResetGuides.build(MAC, "Edge E350", List.of(), URL);
        assertThat(edge.steps()).anySatisfy(s -> assertThat(s).contains("headset and handsfree LEDs go off"));
        ResetGuide base = ResetGuides.build(MAC, "VVX D60", List.of(), URL);
        assertThat(base.steps()).singleElement().satisfies(s -> assertThat(s).contains("reset button", "7 seconds"));
        ResetGuide ccx = ResetGuides.build(MAC, "CCX 600", List.of(), URL);
        assertThat(ccx.notes()).anySatisfy(n -> assertThat(n).contains("no reset procedure for the CCX 600"));
        assertThat(ccx.procedures()).hasSizeGreaterThan(1);
    }

    @Test
    void conflictingSourcesAreShownAsAlternatives() {
        ResetProcedure ip560 = ResetProcedures.of(PhoneModel.parse("IP 560").orElseThrow()).orElseThrow();
        assertThat(ip560.keys()).containsExactly("4", "6", "8", "*");
        assertThat(ip560.alternativeFor(PhoneModel.parse("IP 560").orElseThrow())).hasValueSatisfying(a -> {
            assertThat(a.keys()).containsExactly("1", "3", "5", "7");
            assertThat(a.note()).contains("seed 003");
        });
        assertThat(ip560.alternativeFor(PhoneModel.parse("IP 550").orElseThrow())).as("only the 560 is in doubt")
                .isEmpty();
        assertThat(ResetGuides.build(MAC, "IP 560", List.of(), URL).notes())
                .anySatisfy(n -> assertThat(n).contains("seed 003 lists it under 1, 3, 5 and 7"));
        assertThat(ResetGuides.build(MAC, "IP 550", List.of(), URL).notes())
                .noneSatisfy(n -> assertThat(n).contains("seed 003 lists it"));
        assertThat(ResetProcedures.ALL).allSatisfy(p -> assertThat(p.sources()).isNotEmpty());
    }

    @Test
    void anUnknownModelNameIsRefusedWithExamples() {
        assertThatThrownBy(() -> ResetGuides.build(MAC, "Nokia 3310", List.of(), URL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown model 'Nokia 3310'")
                .hasMessageContaining("VVX 410");
    }

    private static PhoneEvent event(int second, String source, Map<String, String> details) {
        return new PhoneEvent(Instant.parse("2024-05-01T10:00:00Z").plusSeconds(second), MAC, source,
                source.equals("dhcp") ? "DISCOVER" : "GET", details);
    }

    @Test
    void theInventorysModelServesWhenThePhoneReportedNoneAndWhatThePhoneReportedWins() {
        ResetGuide declared = ResetGuides.build(MAC, null, "VVX410", List.of(), URL);
        assertThat(declared.model().display()).isEqualTo("VVX 410");
        assertThat(declared.modelSource()).isEqualTo("from the inventory");

        assertThat(ResetGuides.build(MAC, "SoundPoint IP 550", "VVX410", List.of(), URL).model().display())
                .as("--model wins").isEqualTo("SoundPoint IP 550");
    }
}
