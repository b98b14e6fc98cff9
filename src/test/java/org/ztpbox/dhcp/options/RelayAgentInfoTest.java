package org.ztpbox.dhcp.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RelayAgentInfoTest {

    @Test
    void keepsABinaryCircuitIdThatDhcp4javaWouldLose() {
        RelayAgentInfo info = RelayAgentInfo.parse(HexFormat.of().parseHex("010400ff0001" + "0203aabbcc"));

        assertThat(info.circuitId()).isEqualTo("00ff0001");
        assertThat(info.remoteId()).isEqualTo("aabbcc");
    }
}
