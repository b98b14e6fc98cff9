package org.ztpbox.http.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an {@code Authorization: Digest ...} header: a comma-separated list of
 * {@code name=token} or {@code name="quoted-string"} (RFC 7235 §2.1, quoted-string with
 * backslash escapes per RFC 7230 §3.2.6). Names are case-insensitive; a repeated name, an
 * unterminated quote or any other syntax error makes the whole header malformed.
 */
final class AuthParams {

    private static final int MAX_PARAMS = 32;

    private AuthParams() {
    }

    /** The parameters with lower-case names, or empty when the text is malformed. */
    static Optional<Map<String, String>> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (true) {
            i = skip(text, i, " \t,");
            if (i >= n) {
                return Optional.of(out);
            }
            int nameStart = i;
            while (i < n && isTokenChar(text.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                return Optional.empty();
            }
            String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skip(text, i, " \t");
            if (i >= n || text.charAt(i) != '=') {
                return Optional.empty();
            }
            i = skip(text, i + 1, " \t");
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                if (i >= n) {
                    return Optional.empty();
                }
                i++;
            } else {
                int start = i;
                while (i < n && isTokenChar(text.charAt(i))) {
                    i++;
                }
                value.append(text, start, i);
            }
            if (out.put(name, value.toString()) != null || out.size() > MAX_PARAMS) {
                return Optional.empty();
            }
            i = skip(text, i, " \t");
            if (i < n && text.charAt(i) != ',') {
                return Optional.empty();
            }
        }
    }

    private static int skip(String text, int i, String chars) {
        while (i < text.length() && chars.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** RFC 7230 §3.2.6 tchar. */
    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7F && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
