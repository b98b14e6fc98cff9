package org.ztpbox.provisioning.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checked against the rules as the zones' own authorities state them (EU, US, Australia). */
class TimeZoneVariablesTest {

    private static Map<String, String> of(String zone) {
        Variables.Builder b = Variables.builder();
        TimeZoneVariables.put(b, "", ZoneId.of(zone), Instant.parse("2026-01-15T00:00:00Z"));
        Variables v = b.build();
        Map<String, String> out = new LinkedHashMap<>();
        v.names().forEach(n -> out.put(n, v.get(n).text()));
        return out;
    }

    @Test
    void centralEuropeLastSundayOfMarchAt2ToLastSundayOfOctoberAt3() {
        assertThat(of("Europe/Berlin")).containsEntry("gmt-offset", "3600").containsEntry("dst-enable", "1")
                .containsEntry("dst-fixed-day", "0")
                .containsEntry("dst-start-month", "3").containsEntry("dst-start-day-of-week", "1")
                .containsEntry("dst-start-last-in-month", "1").containsEntry("dst-start-time", "2")
                .containsEntry("dst-stop-month", "10").containsEntry("dst-stop-last-in-month", "1")
                .containsEntry("dst-stop-time", "3").containsEntry("time-zone", "Europe/Berlin");
    }

    @Test
    void easternUsSecondSundayOfMarchToFirstSundayOfNovember() {
        assertThat(of("America/New_York")).containsEntry("gmt-offset", "-18000")
                .containsEntry("dst-start-month", "3").containsEntry("dst-start-date", "8")
                .containsEntry("dst-start-last-in-month", "0").containsEntry("dst-start-time", "2")
                .containsEntry("dst-stop-month", "11").containsEntry("dst-stop-date", "1")
                .containsEntry("dst-stop-time", "2");
    }

    @Test
    void southernHemisphereStartsInOctober() {
        assertThat(of("Australia/Sydney")).containsEntry("gmt-offset", "36000")
                .containsEntry("dst-start-month", "10").containsEntry("dst-start-date", "1")
                .containsEntry("dst-stop-month", "4").containsEntry("dst-stop-date", "1")
                .containsEntry("dst-stop-time", "3");
    }

    @Test
    void zonesWithoutDaylightSavingTurnItOff() {
        assertThat(of("UTC")).containsEntry("gmt-offset", "0").containsEntry("dst-enable", "0");
        assertThat(of("Asia/Kolkata")).containsEntry("gmt-offset", "19800").containsEntry("dst-enable", "0")
                .containsKey("dst-stop-time");
    }
}
