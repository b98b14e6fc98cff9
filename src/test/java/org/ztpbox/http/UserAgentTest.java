package org.ztpbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ztpbox.core.MacAddress;

/** Every User-Agent form in polycom-provisioning.md §4.1. */
class UserAgentTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            FileTransport PolycomSoundPointIP-SPIP_335-UA/3.2.1.0078                                 | FileTransport    | SoundPointIP          | SPIP_335  | SPIP335  | 3.2.1.0078  | -           | -            | UC3
            FileTransport PolycomSoundPointIP-SPIP_550-UA/4.0.15.1047 (SN:0004a11a1a1a) Type/Application | FileTransport | SoundPointIP          | SPIP_550  | SPIP550  | 4.0.15.1047 | Application | 0004a11a1a1a | UC4
            FileTransport PolycomSoundStationIP-SSIP_6000-UA/5.0.3.1667 Type/Updater                  | FileTransport    | SoundStationIP        | SSIP_6000 | SSIP6000 | 5.0.3.1667  | Updater     | -            | UC4
            FileTransport PolycomVVX-VVX_410-UA/5.9.5.0614 Type/Application                           | FileTransport    | VVX                   | VVX_410   | VVX410   | 5.9.5.0614  | Application | -            | UC4
            FileTransport PolycomVVX-VVX_101-UA/5.4.3.1014 Type/Application                           | FileTransport    | VVX                   | VVX_101   | VVX101   | 5.4.3.1014  | Application | -            | UC4
            FileTransport PolycomVVX-VVX_450-UA/5.9.1.0615 Type/Application                           | FileTransport    | VVX                   | VVX_450   | VVX450   | 5.9.1.0615  | Application | -            | UC4
            FileTransport PolyEdge-Edge_E450-UA/8.0.0.15602 Type/Application                          | FileTransport    | Edge                  | Edge_E450 | EdgeE450 | 8.0.0.15602 | Application | -            | UC4
            FileTransport PolycomRealPresenceTrio-Trio_8800-UA/5.9.0.1234 Type/Application            | FileTransport    | RealPresenceTrio      | Trio_8800 | Trio8800 | 5.9.0.1234  | Application | -            | UC4
            Microbrowser/1.1 PolycomSoundPointIP-SPIP_550-UA/4.0.15.1047 Type/Application             | Microbrowser/1.1 | SoundPointIP          | SPIP_550  | SPIP550  | 4.0.15.1047 | Application | -            | UC4
            """)
    void readsEveryForm(String header, String agent, String family, String token, String model, String version,
                        String stage, String serial, FirmwareFamily firmwareFamily) {
        UserAgent ua = UserAgent.parse(header);
        assertThat(ua).isNotNull();
        assertThat(ua.agent()).isEqualTo(agent);
        assertThat(ua.family()).isEqualTo(family);
        assertThat(ua.modelToken()).isEqualTo(token);
        assertThat(ua.model()).isEqualTo(model);
        assertThat(ua.version()).isEqualTo(version);
        assertThat(ua.stage()).isEqualTo(stage);
        assertThat(ua.serial()).isEqualTo(serial == null ? null : MacAddress.parse(serial));
        assertThat(FirmwareFamily.of(ua)).isEqualTo(firmwareFamily);
    }

    @Test
    void stageAndMajorVersion() {
        UserAgent updater = UserAgent.parse("FileTransport PolycomVVX-VVX_500-UA/5.9.7.1234 Type/Updater");
        assertThat(updater.isUpdater()).isTrue();
        assertThat(updater.majorVersion()).isEqualTo(5);
        assertThat(UserAgent.parse("FileTransport PolycomVVX-VVX_500-UA/5.9.7 Type/Application").isUpdater()).isFalse();
        assertThat(UserAgent.parse("FileTransport PolycomSoundPointIP-SPIP_335-UA/3.2.1.0078").isUpdater()).isFalse();
    }

    @Test
    void serialTagInOtherSpellings() {
        assertThat(UserAgent.parse("FileTransport PolycomVVX-VVX_410-UA/5.9.5.0614 (SN:00:04:F2:AA:81:4C) Type/Application")
                .serial()).isEqualTo(MacAddress.parse("0004f2aa814c"));
    }

    @Test
    void notAPhone() {
        assertThat(UserAgent.parse(null)).isNull();
        assertThat(UserAgent.parse("curl/7.88.1")).isNull();
        assertThat(UserAgent.parse("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")).isNull();
        assertThat(UserAgent.parse("FileTransport PolycomVVX-VVX_410-UA/")).isNull();
        assertThat(UserAgent.parse("FileTransport PolycomVVX-VVX_410-UA/5.9 " + "x".repeat(600))).isNull();
        assertThat(FirmwareFamily.of(null)).isNull();
    }
}
