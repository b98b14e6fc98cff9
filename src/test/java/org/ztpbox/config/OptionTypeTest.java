package org.ztpbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire encodings of RFC 2132 §2 for each value type an admin can give an option. */
class OptionTypeTest {

    @Test
    void encodesEachType() {
        assertThat(OptionType.STRING.encode(List.of("http://10.0.0.1/prov/"))).asString()
                .isEqualTo("http://10.0.0.1/prov/");
        assertThat(OptionType.IP.encode(List.of("10.0.0.1"))).containsExactly(10, 0, 0, 1);
        assertThat(OptionType.IPS.encode(List.of("10.0.0.1", "10.0.0.2"))).containsExactly(10, 0, 0, 1, 10, 0, 0, 2);
        assertThat(OptionType.UINT8.encode(List.of("255"))).containsExactly(0xFF);
        assertThat(OptionType.UINT16.encode(List.of("1500"))).containsExactly(0x05, 0xDC);
        assertThat(OptionType.UINT32.encode(List.of("86400"))).containsExactly(0, 1, 0x51, 0x80);
        assertThat(OptionType.HEX.encode(List.of("00:00:36:3d"))).containsExactly(0, 0, 0x36, 0x3D);
    }

    @Test
    void refusesValuesThatDoNotFit() {
        assertThatThrownBy(() -> OptionType.UINT16.encode(List.of("65536"))).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> OptionType.UINT8.encode(List.of("-1"))).hasMessageContaining("between 0 and 255");
        assertThatThrownBy(() -> OptionType.HEX.encode(List.of("0g"))).hasMessageContaining("hex");
        assertThatThrownBy(() -> OptionType.STRING.encode(List.of("x".repeat(256)))).hasMessageContaining("255 bytes");
        assertThatThrownBy(() -> OptionType.IP.encode(List.of("10.0.0.1", "10.0.0.2"))).hasMessageContaining("one value");
    }
}
