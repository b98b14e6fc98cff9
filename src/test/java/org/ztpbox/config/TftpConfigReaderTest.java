package org.ztpbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code tftp} section: defaults, every key, and refusals naming key and line. */
class TftpConfigReaderTest {

    @Test
    void defaultsServeReadsOnlyOnPort69() {
        TftpConfig c = ConfigLoader.defaults().tftp();

        assertThat(c).isEqualTo(TftpConfig.defaults(69));
        assertThat(c.enabled()).isTrue();
        assertThat(c.writes()).isFalse();
        assertThat(c.maxBlksize()).isEqualTo(1468);
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void readsEveryKey() {
        TftpConfig c = ConfigLoader.parse("t", """
                tftp:
                  enabled: false
                  port: 6969
                  max-transfers: 500
                  max-transfers-per-client: 2
                  queue-wait: 5s
                  timeout: 250ms
                  retries: 8
                  max-blksize: 8192
                  max-windowsize: 32
                  writes: true
                  max-upload: 512k
                """).tftp();

        assertThat(c).isEqualTo(new TftpConfig(false, 6969, 500, 2, Duration.ofSeconds(5), Duration.ofMillis(250), 8,
                8192, 32, true, 512 * 1024));
    }

    @Test
    void refusesValuesOutsideTheirRangeWithKeyAndLine() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse("t", """
                tftp:
                  max-blksize: 65465
                  timeout: 5ms
                  max-windowsize: 4096
                  max-upload: lots
                  writez: true
                """));

        assertThat(e.problems()).extracting(ConfigException.ConfigProblem::key).containsExactly("tftp.max-blksize",
                "tftp.timeout", "tftp.max-windowsize", "tftp.max-upload", "tftp.writez");
        assertThat(e.problems().get(1).line()).isEqualTo(3);
        assertThat(e.problems().get(4).message()).contains("did you mean 'writes'");
    }
}
