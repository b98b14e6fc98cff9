package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BootServerSettingTest {

    @Test
    void ucSoftware4AndLaterRead160Then66() {
        assertThat(BootServerSetting.assumedFor("SIP/5.9.5.0614/12-Dec-19 08:57"))
                .isEqualTo(BootServerSetting.OPTION_160_THEN_66);
        assertThat(BootServerSetting.assumedFor("UP/4.0.15.1047/01-Jan-15 10:00"))
                .isEqualTo(BootServerSetting.OPTION_160_THEN_66);
        assertThat(BootServerSetting.assumedFor("8.0.0.15602")).isEqualTo(BootServerSetting.OPTION_160_THEN_66);
    }

    @Test
    void sipTwoAndThreeAndBootRomPhonesReadOption66Only() {
        assertThat(BootServerSetting.assumedFor("SIP/3.2.3.1734/13-Mar-10 14:35")).isEqualTo(BootServerSetting.OPTION_66);
        assertThat(BootServerSetting.assumedFor("BR/3.1.0.XXXX/28-Apr-05 13:30")).isEqualTo(BootServerSetting.OPTION_66);
    }

    @Test
    void unknownFirmwareIsTakenAsCurrent() {
        assertThat(BootServerSetting.assumedFor(null)).isEqualTo(BootServerSetting.OPTION_160_THEN_66);
        assertThat(BootServerSetting.assumedFor("SIP/Tip.XXXX/08-Jun-07")).isEqualTo(BootServerSetting.OPTION_160_THEN_66);
    }
}
