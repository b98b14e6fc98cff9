package org.ztpbox.provisioning.template;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * A time zone as the phones' SNTP parameters describe it: {@code tcpIpApp.sntp.gmtOffset} in
 * seconds (the standard offset) and the {@code tcpIpApp.sntp.daylightSavings.*} rule, derived from
 * the tz database so the admin names a zone, not a rule. Parameter names and their encoding (day
 * of week 1 = Sunday; with {@code fixedDayEnable} 0, {@code date} is the first day the weekday may
 * fall on, 8 = second week; {@code time} the hour of local time) as Wazo's Polycom plugin writes
 * them (wazo-provd-plugins, plugins/wazo-polycom/common/common.py, {@code _format_dst_change}).
 */
public final class TimeZoneVariables {

    private TimeZoneVariables() {
    }

    /** Puts {@code <prefix>time-zone}, {@code <prefix>gmt-offset}, {@code <prefix>dst-*} into {@code b}. */
    public static void put(Variables.Builder b, String prefix, ZoneId zone, Instant now) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransitionRule> transitions = rules.getTransitionRules();
        b.put(prefix + "time-zone", zone.getId());
        ZoneOffsetTransitionRule start = null;
        ZoneOffsetTransitionRule stop = null;
        for (ZoneOffsetTransitionRule rule : transitions) {
            // Clocks going forward (a gap) start daylight saving time; going back (an overlap) end it.
            if (rule.getOffsetAfter().getTotalSeconds() > rule.getOffsetBefore().getTotalSeconds()) {
                start = rule;
            } else {
                stop = rule;
            }
        }
        if (start == null || stop == null) {
            b.put(prefix + "gmt-offset", Integer.toString(rules.getStandardOffset(now).getTotalSeconds()));
            b.put(prefix + "dst-enable", "0");
            // The phones' own defaults (US rules), sent so every variable exists; unused with DST off.
            change(b, prefix + "dst-start-", 3, 8, 2, 1, false);
            change(b, prefix + "dst-stop-", 11, 1, 2, 1, false);
            b.put(prefix + "dst-fixed-day", "0");
            return;
        }
        b.put(prefix + "gmt-offset", Integer.toString(start.getStandardOffset().getTotalSeconds()));
        b.put(prefix + "dst-enable", "1");
        b.put(prefix + "dst-fixed-day", start.getDayOfWeek() == null ? "1" : "0");
        change(b, prefix + "dst-start-", start);
        change(b, prefix + "dst-stop-", stop);
    }

    private static void change(Variables.Builder b, String prefix, ZoneOffsetTransitionRule rule) {
        int indicator = rule.getDayOfMonthIndicator();
        DayOfWeek day = rule.getDayOfWeek();
        // "Weekday on or after day d" reaching the month's end (d >= 25 in a 31-day month) is its last such weekday.
        boolean last = day != null && (indicator < 0 || indicator + 6 >= rule.getMonth().maxLength());
        int date = indicator < 0 ? rule.getMonth().maxLength() + 1 + indicator : indicator;
        change(b, prefix, rule.getMonth().getValue(), date, wallHour(rule), day == null ? 1 : day.getValue() % 7 + 1,
                last);
    }

    private static void change(Variables.Builder b, String prefix, int month, int date, int hour, int dayOfWeek,
                               boolean lastInMonth) {
        b.put(prefix + "month", Integer.toString(month));
        b.put(prefix + "date", Integer.toString(date));
        b.put(prefix + "time", Integer.toString(hour));
        b.put(prefix + "day-of-week", Integer.toString(dayOfWeek));
        b.put(prefix + "last-in-month", lastInMonth ? "1" : "0");
    }

    /** The hour on the local clock (before the change) when the change happens. */
    private static int wallHour(ZoneOffsetTransitionRule rule) {
        // A change at 24:00 (a few zones) is sent as hour 0; the phones' hour runs 0-23.
        LocalDateTime at = LocalDateTime.of(2001, 1, 1, 0, 0).with(rule.getLocalTime());
        ZoneOffset before = rule.getOffsetBefore();
        LocalDateTime wall = rule.getTimeDefinition().createDateTime(at, rule.getStandardOffset(), before);
        return wall.getHour();
    }
}
