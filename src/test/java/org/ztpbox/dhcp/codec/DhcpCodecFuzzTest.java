package org.ztpbox.dhcp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever bytes arrive, the decoder answers with a result and never throws. Plain {@code mvn test}
 * replays the stored inputs; {@code JAZZER_FUZZ=1} with instrumentation includes
 * {@code org.ztpbox.dhcp.codec.**:org.dhcp4java.**} fuzzes for real.
 */
class DhcpCodecFuzzTest {

    private final DhcpCodec codec = new DhcpCodec();

    @FuzzTest(maxDuration = "30s")
    void decodeNeverThrows(byte[] datagram) {
        assertThat(codec.decode(datagram)).isNotNull();
    }
}
