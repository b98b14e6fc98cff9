package org.ztpbox.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON for flat objects of strings: what event details and command-line listings need, and no
 * more. Writing escapes per RFC 8259 §7; reading accepts exactly what writing produces.
 */
public final class FlatJson {

    private FlatJson() {
    }

    public static String write(Map<String, String> object) {
        StringBuilder sb = new StringBuilder(16 + object.size() * 24);
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : object.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            quote(sb, entry.getKey());
            sb.append(':');
            quote(sb, entry.getValue());
        }
        return sb.append('}').toString();
    }

    /** Appends {@code text} as a JSON string literal. */
    public static StringBuilder quote(StringBuilder sb, String text) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /** Reads an object written by {@link #write}; throws {@link IllegalArgumentException} on anything else. */
    public static Map<String, String> read(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        int[] pos = {skip(json, 0)};
        expect(json, pos, '{');
        if (peek(json, pos) == '}') {
            return out;
        }
        while (true) {
            String key = string(json, pos);
            expect(json, pos, ':');
            out.put(key, string(json, pos));
            char c = peek(json, pos);
            pos[0]++;
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw new IllegalArgumentException("bad JSON object at " + pos[0]);
            }
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static char peek(String s, int[] pos) {
        pos[0] = skip(s, pos[0]);
        if (pos[0] >= s.length()) {
            throw new IllegalArgumentException("JSON ends early");
        }
        return s.charAt(pos[0]);
    }

    private static void expect(String s, int[] pos, char c) {
        if (peek(s, pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos[0]);
        }
        pos[0]++;
    }

    private static String string(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder sb = new StringBuilder();
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(pos[0]++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
                    pos[0] += 4;
                }
                default -> sb.append(e);
            }
        }
        throw new IllegalArgumentException("unterminated JSON string");
    }
}
