package org.ztpbox.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations as admins write them: plain seconds ({@code 3600}) or with a unit ({@code 250ms 30s 15m 12h 7d}).
 */
public final class Durations {

    private Durations() {
    }

    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("expected a duration such as 3600, 30m, 12h or 7d");
        }
        if (t.endsWith("ms")) { // retransmission timeouts are sub-second
            String millis = t.substring(0, t.length() - 2).trim();
            if (!millis.matches("\\d{1,9}")) {
                throw new IllegalArgumentException("expected a duration such as 500ms, found '" + text + "'");
            }
            return Duration.ofMillis(Long.parseLong(millis));
        }
        char unit = t.charAt(t.length() - 1);
        String digits = Character.isDigit(unit) ? t : t.substring(0, t.length() - 1).trim();
        long amount;
        try {
            amount = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a duration such as 3600, 30m, 12h or 7d, found '" + text + "'");
        }
        if (amount < 0 || amount > 100L * 365 * 24 * 3600) {
            throw new IllegalArgumentException("duration out of range: '" + text + "'");
        }
        return switch (Character.isDigit(unit) ? 's' : unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("unknown duration unit '" + unit + "' in '" + text
                    + "' (use s, m, h or d)");
        };
    }

    public static String format(Duration duration) {
        if (duration.toMillisPart() != 0) {
            return duration.toMillis() + "ms";
        }
        long s = duration.getSeconds();
        if (s % 86400 == 0 && s > 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s > 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
