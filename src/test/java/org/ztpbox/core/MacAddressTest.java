package org.ztpbox.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"0004f2aa814c", "00:04:F2:AA:81:4C", "00-04-f2-aa-81-4c", "0004.f2aa.814c"})
    void acceptsEveryCommonSpelling(String spelling) {
        MacAddress mac = MacAddress.parse(spelling);

        assertThat(mac.compact()).isEqualTo("0004f2aa814c");
        assertThat(mac).hasToString("00:04:f2:aa:81:4c");
        assertThat(mac.oui()).isEqualTo(0x0004F2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0004f2aa814", "0004f2aa814c0", "00:04:f2:aa:81:4g", "00/04/f2/aa/81/4c"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
