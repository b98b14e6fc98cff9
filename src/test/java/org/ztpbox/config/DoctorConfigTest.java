package org.ztpbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DoctorConfigTest {

    @Test
    void theAppliancesProbeRunsEveryTenMinutesForThreeSecondsByDefault() {
        DoctorConfig d = ConfigLoader.defaults().doctor();

        assertThat(d.probeInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.probeWait()).isEqualTo(Duration.ofSeconds(3));
        assertThat(d.probesPeriodically()).isTrue();
    }

    @Test
    void readsTheDoctorSection() {
        DoctorConfig d = ConfigLoader.parse("t", "doctor:\n  probe-interval: 1h\n  probe-wait: 1500ms\n").doctor();

        assertThat(d.probeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(d.probeWait()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void offTurnsThePeriodicProbeOff() {
        assertThat(ConfigLoader.parse("t", "doctor:\n  probe-interval: off\n").doctor().probesPeriodically()).isFalse();
        assertThat(ConfigLoader.parse("t", "doctor:\n  probe-interval: 0\n").doctor().probesPeriodically()).isFalse();
    }

    @Test
    void badValuesNameKeyAndLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("t", "doctor:\n  probe-interval: 200ms\n  probe-wait: 2m\n"
                + "  probe-every: 5m\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 2: doctor.probe-interval: must be at least 1s (or off)")
                .hasMessageContaining("line 3: doctor.probe-wait: must be between 500ms and 30s")
                .hasMessageContaining("line 4: doctor.probe-every: unknown key");
    }

    @Test
    void aProbeWindowIsHalfASecondToThirtySeconds() {
        assertThat(DoctorConfig.parseWait("3s")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> DoctorConfig.parseWait("100ms")).hasMessageContaining("between 500ms and 30s");
        assertThatThrownBy(() -> DoctorConfig.parseWait("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
