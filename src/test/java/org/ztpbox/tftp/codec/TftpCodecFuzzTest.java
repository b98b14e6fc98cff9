package org.ztpbox.tftp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ztpbox.tftp.TftpAck;
import org.ztpbox.tftp.TftpData;

/**
 * Whatever bytes arrive, the decoder answers with a result and never throws; whatever it decodes
 * encodes again. Plain {@code mvn test} replays the stored inputs; {@code JAZZER_FUZZ=1} with
 * instrumentation includes {@code org.ztpbox.tftp.codec.**:org.apache.commons.net.tftp.**}
 * fuzzes for real (it finds the commons-net AIOOBE within seconds).
 */
class TftpCodecFuzzTest {

    private final TftpCodec codec = new TftpCodec();

    @FuzzTest(maxDuration = "30s")
    void decodeNeverThrows(byte[] datagram) {
        TftpDecodeResult result = codec.decode(datagram);

        assertThat(result).isNotNull();
        if (result instanceof TftpDecodeResult.Decoded decoded
                && (decoded.packet() instanceof TftpData || decoded.packet() instanceof TftpAck)) {
            // Text fields may carry bytes that encode() writes as '?'; DATA and ACK must survive exactly.
            assertThat(codec.decode(codec.encode(decoded.packet()))).isEqualTo(result);
        }
    }
}
