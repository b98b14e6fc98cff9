package org.ztpbox.http.routes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** IMF-fixdate (RFC 9110 §5.6.7), e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
public final class HttpDates {

    // Not RFC_1123_DATE_TIME: that prints "6 Nov", and IMF-fixdate wants a two-digit day.
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
