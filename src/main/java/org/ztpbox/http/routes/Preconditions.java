package org.ztpbox.http.routes;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Conditional requests (RFC 9110 §13): the four preconditions evaluated in the order of §13.2.2,
 * and {@code If-Range} (§13.1.5). This is what keeps an unchanged firmware image from being sent
 * again. Entity-tags compare strongly for {@code If-Match} and {@code If-Range} and weakly for
 * {@code If-None-Match} (§8.8.3.2); dates at one-second resolution, as HTTP-date carries.
 */
public final class Preconditions {

    /** The result of evaluating the preconditions. */
    public enum Result { PROCEED, NOT_MODIFIED, FAILED }

    /** The request's conditional headers; any may be null. */
    public record Conditions(String ifMatch, String ifNoneMatch, String ifModifiedSince, String ifUnmodifiedSince) {
    }

    private Preconditions() {
    }

    /** @param safe true for GET and HEAD, the methods that can answer 304 */
    public static Result evaluate(Conditions c, boolean safe, String etag, Instant lastModified) {
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        if (c.ifMatch() != null) {
            if (!matches(c.ifMatch(), etag, false)) {
                return Result.FAILED;
            }
        } else if (c.ifUnmodifiedSince() != null) {
            Instant since = httpDate(c.ifUnmodifiedSince());
            if (since != null && modified.isAfter(since)) {
                return Result.FAILED;
            }
        }
        if (c.ifNoneMatch() != null) {
            if (matches(c.ifNoneMatch(), etag, true)) {
                return safe ? Result.NOT_MODIFIED : Result.FAILED;
            }
        } else if (safe && c.ifModifiedSince() != null) {
            Instant since = httpDate(c.ifModifiedSince());
            if (since != null && !modified.isAfter(since)) {
                return Result.NOT_MODIFIED;
            }
        }
        return Result.PROCEED;
    }

    /** True when a {@code Range} may be honoured under {@code If-Range} (absent, or it still holds). */
    public static boolean rangeApplies(String ifRange, String etag, Instant lastModified) {
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.trim();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return !v.startsWith("W/") && v.equals(etag);
        }
        Instant date = httpDate(v);
        return date != null && date.equals(lastModified.truncatedTo(ChronoUnit.SECONDS));
    }

    /** True when {@code list} ({@code *} or comma-separated entity-tags) matches {@code etag}. */
    static boolean matches(String list, String etag, boolean weak) {
        String trimmed = list.trim();
        if (trimmed.equals("*")) {
            return true;
        }
        for (String candidate : trimmed.split(",")) {
            String tag = candidate.trim();
            boolean isWeak = tag.startsWith("W/");
            if (isWeak && !weak) {
                continue;
            }
            if ((isWeak ? tag.substring(2) : tag).equals(opaque(etag))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    /** An IMF-fixdate (or RFC 1123 variant) as sent in these headers; null when unreadable, which ignores it. */
    static Instant httpDate(String text) {
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
