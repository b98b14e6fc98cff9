package org.ztpbox.tftp.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpMode;
import org.ztpbox.tftp.TftpRequest;

/** RFC 2347/2348/2349/7440 negotiation: what is granted, capped, ignored or refused. */
class OptionNegotiationTest {

    private final OptionNegotiation negotiation = new OptionNegotiation(
            new TransferLimits(1468, 64, Duration.ofMillis(500), 5, true, 1_000_000));

    private static TftpRequest rrq(Map<String, String> options) {
        return TftpRequest.read("sip.ld", TftpMode.OCTET, options);
    }

    private TftpErrorCode refusal(TftpRequest request) {
        return catchThrowableOfType(TransferRefusedException.class, () -> negotiation.negotiate(request, 10))
                .error().code();
    }

    @Test
    void noOptionsMeansPlainRfc1350() {
        NegotiatedOptions options = negotiation.negotiate(rrq(Map.of()), 100);

        assertThat(options.sendsOptionAck()).isFalse();
        assertThat(options.blksize()).isEqualTo(512);
        assertThat(options.windowsize()).isEqualTo(1);
        assertThat(options.timeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void grantsEveryKnownOptionInTheOackAndIgnoresUnknownOnes() {
        NegotiatedOptions options = negotiation.negotiate(rrq(Map.of("blksize", "1428", "tsize", "0",
                "timeout", "3", "windowsize", "8", "multicast", "")), 33_554_432);

        assertThat(options.acknowledged()).containsExactly(Map.entry("blksize", "1428"),
                Map.entry("tsize", "33554432"), Map.entry("timeout", "3"), Map.entry("windowsize", "8"));
        assertThat(options.blksize()).isEqualTo(1428);
        assertThat(options.windowsize()).isEqualTo(8);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void sizesAboveOurLimitsAreGrantedAtTheLimit() {
        NegotiatedOptions options = negotiation.negotiate(rrq(Map.of("blksize", "65464", "windowsize", "65535")), 1);

        assertThat(options.acknowledged()).containsEntry("blksize", "1468").containsEntry("windowsize", "64");
    }

    @Test
    void valuesOutsideTheirRfcRangeAreRefusedWithError8() {
        assertThat(refusal(rrq(Map.of("blksize", "7")))).isEqualTo(TftpErrorCode.OPTION_REFUSED);
        assertThat(refusal(rrq(Map.of("blksize", "65465")))).isEqualTo(TftpErrorCode.OPTION_REFUSED);
        assertThat(refusal(rrq(Map.of("blksize", "big")))).isEqualTo(TftpErrorCode.OPTION_REFUSED);
        assertThat(refusal(rrq(Map.of("timeout", "0")))).isEqualTo(TftpErrorCode.OPTION_REFUSED);
        assertThat(refusal(rrq(Map.of("timeout", "256")))).isEqualTo(TftpErrorCode.OPTION_REFUSED);
        assertThat(refusal(rrq(Map.of("windowsize", "0")))).isEqualTo(TftpErrorCode.OPTION_REFUSED);
        assertThat(refusal(rrq(Map.of("windowsize", "65536")))).isEqualTo(TftpErrorCode.OPTION_REFUSED);
    }

    @Test
    void readTsizeIsAnsweredWithTheSizeWhateverItsValueAndOmittedWhenUnknown() {
        assertThat(negotiation.negotiate(rrq(Map.of("tsize", "enable")), 77).acknowledged())
                .containsExactly(Map.entry("tsize", "77"));
        assertThat(negotiation.negotiate(rrq(Map.of("tsize", "0")), -1).sendsOptionAck())
                .as("netascii: size unknown").isFalse();
    }

    @Test
    void writeTsizeIsEchoedAndAnUploadAnnouncedOverTheCapIsRefusedWithError3() {
        TftpRequest small = TftpRequest.write("0004f2aa814c-app.log", TftpMode.OCTET, Map.of("tsize", "5000"));
        TftpRequest big = TftpRequest.write("0004f2aa814c-app.log", TftpMode.OCTET, Map.of("tsize", "1000001"));

        assertThat(negotiation.negotiate(small, -1).acknowledged()).containsExactly(Map.entry("tsize", "5000"));
        assertThat(refusal(big)).isEqualTo(TftpErrorCode.DISK_FULL);
    }
}
