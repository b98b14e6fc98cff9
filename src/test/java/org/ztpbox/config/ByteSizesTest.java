package org.ztpbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void readsPlainBytesAndBinaryUnitsInEitherCase() {
        assertThat(ByteSizes.parse("65536")).isEqualTo(65536);
        assertThat(ByteSizes.parse(" 512k ")).isEqualTo(512 * 1024);
        assertThat(ByteSizes.parse("8M")).isEqualTo(8L << 20);
        assertThat(ByteSizes.parse("1gb")).isEqualTo(1L << 30);
        assertThat(ByteSizes.parse("100b")).isEqualTo(100);
    }

    @Test
    void refusesWhatIsNoSizeNamingTheInput() {
        assertThatThrownBy(() -> ByteSizes.parse("lots")).hasMessageContaining("'lots'");
        assertThatThrownBy(() -> ByteSizes.parse("0")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> ByteSizes.parse("2048g")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> ByteSizes.parse("-5")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> ByteSizes.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
