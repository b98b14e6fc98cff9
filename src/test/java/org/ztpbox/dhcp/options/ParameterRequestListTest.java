package org.ztpbox.dhcp.options;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterRequestListTest {

    @Test
    void keepsTheClientsOrderWithoutDuplicates() {
        ParameterRequestList prl = ParameterRequestList.parse(new byte[] {1, 3, 6, 3, (byte) 160, 66, 0, (byte) 255});

        assertThat(prl.codes()).containsExactly(1, 3, 6, 160, 66);
        assertThat(prl.requests(160)).isTrue();
        assertThat(prl.requests(42)).isFalse();
    }

    @Test
    void aHugeListIsHarmless() {
        byte[] raw = new byte[255];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i % 254 + 1);
        }

        ParameterRequestList prl = ParameterRequestList.parse(raw);

        assertThat(prl.codes()).hasSize(254);
        assertThat(prl.requests(254)).isTrue();
    }
}
