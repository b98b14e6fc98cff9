package org.ztpbox.http;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Lines in the Combined Log Format (Apache {@code %h %l %u %t "%r" %>s %b "%{Referer}i"
 * "%{User-agent}i"}), which every log analyser reads. Quotes, backslashes and control bytes in
 * client-supplied fields are written as {@code \xHH}, as nginx does, so a client cannot forge a line.
 * Thread-safe; the timestamp is formatted once per second.
 */
public final class AccessLogFormat {

    private static final DateTimeFormatter CLF_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);

    private final ZoneId zone;
    private volatile CachedTime cached = new CachedTime(Long.MIN_VALUE, "");

    private record CachedTime(long second, String text) {
    }

    public AccessLogFormat(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param user   the authenticated user, or null
     * @param bytes  body bytes sent
     */
    public String combined(String client, String user, Instant at, String requestLine, int status, long bytes,
                           String referer, String userAgent) {
        StringBuilder line = new StringBuilder(160);
        line.append(client).append(" - ").append(user == null || user.isEmpty() ? "-" : escape(user))
                .append(" [").append(time(at)).append("] \"").append(escape(requestLine)).append("\" ")
                .append(status).append(' ').append(bytes > 0 ? Long.toString(bytes) : "-")
                .append(" \"").append(referer == null ? "-" : escape(referer))
                .append("\" \"").append(userAgent == null ? "-" : escape(userAgent)).append('"');
        return line.toString();
    }

    private String time(Instant at) {
        long second = at.getEpochSecond();
        CachedTime c = cached;
        if (c.second() != second) {
            c = new CachedTime(second, CLF_TIME.format(at.atZone(zone)));
            cached = c;
        }
        return c.text();
    }

    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean plain = ch >= 0x20 && ch < 0x7F && ch != '"' && ch != '\\';
            if (!plain && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (plain) {
                    out.append(ch);
                } else {
                    out.append(String.format(Locale.ROOT, "\\x%02X", ch & 0xFF));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
