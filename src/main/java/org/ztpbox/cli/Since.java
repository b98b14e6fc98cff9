package org.ztpbox.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --since} value: an age ({@code 90s}, {@code 15m}, {@code 2h}, {@code 3d}), an instant
 * ({@code 2024-05-01T10:00:00Z}), or a local date-time or date of this machine's zone
 * ({@code 2024-05-01T10:00}, {@code 2024-05-01}).
 */
final class Since {

    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhd])");

    private Since() {
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    static Instant parse(String text, Instant now, ZoneId zone) {
        String t = text.trim();
        Matcher m = AGE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration age = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(age);
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notAnInstant) {
            // try the local forms
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException notADateTime) {
            // try a date
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since '" + text + "': give an age (90s, 15m, 2h, 3d), an instant"
                    + " (2024-05-01T10:00:00Z) or a local date-time or date (2024-05-01T10:00, 2024-05-01)");
        }
    }
}
