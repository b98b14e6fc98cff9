package org.ztpbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneModelsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "VVX 410|VVX410", "vvx410|VVX410", "VVX-410|VVX410", "Polycom VVX 410|VVX410", "VVX_410|VVX410",
        "VVX-VVX_410|VVX410", "Polycom Soundpoint IP 550|SPIP550", "SoundPoint IP 335|SPIP335", "IP 650|SPIP650",
        "SoundPointIP-SPIP_601|SPIP601", "SPIP_550|SPIP550", "SoundStation IP 6000|SSIP6000", "IP6000|SSIP6000",
        "SSIP_7000|SSIP7000", "SoundStation Duo|SSDuo", "Trio 8800|Trio8800", "RealPresence Trio 8500|Trio8500",
        "Edge E450|EdgeE450", "Edge_E450|EdgeE450", "PolyEdge-Edge_E450|EdgeE450", "VVX 1500|VVX1500",
        "Poly VVX 250|VVX250"})
    void readsTheSpellingsOfAdminsCarriersAndPhones(String spelling, String canonical) {
        assertThat(PhoneModels.canonical(spelling)).contains(canonical);
        assertThat(PhoneModels.canonical(canonical)).as("canonical names read as themselves").contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VVX 999", "IP 999", "Grandstream GXP2170", "", "  ", "410", "Cisco 7945"})
    void knowsNothingElse(String spelling) {
        assertThat(PhoneModels.canonical(spelling)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"3111-46135-002,VVX300", "3111-46162-001,VVX410", "'3111-46162-001,7',VVX410",
        "2345-12500-001,SPIP550", "2345-11605-001,SPIP601", "3111-44500-001,VVX500"})
    void mapsFirmwarePartNumbersToModels(String partNumber, String model) {
        assertThat(PhoneModels.forPartNumber(partNumber)).contains(model);
        assertThat(PhoneModels.isKnown(model)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2345-11500-030", "9999-99999-999", ""})
    void anUnlistedPartNumberHasNoModel(String partNumber) {
        assertThat(PhoneModels.forPartNumber(partNumber)).isEmpty();
    }
}
