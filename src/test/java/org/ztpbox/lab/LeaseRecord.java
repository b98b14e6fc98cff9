package org.ztpbox.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of {@code ztpbox leases --json}. The parser reads exactly that output (an array of flat
 * objects of strings) and nothing more, so the tests check the CLI a user runs, not the store API.
 */
public record LeaseRecord(String address, String mac, String state, String starts, String expires,
                          String hostname) {

    private static final Pattern OBJECT = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern MEMBER = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"((?:\\\\.|[^\"\\\\])*)\"");

    public boolean isBound() {
        return "BOUND".equals(state);
    }

    public static List<LeaseRecord> parseJsonArray(String json) {
        String trimmed = json.strip();
        if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
            throw new IllegalArgumentException("not a JSON array: " + json);
        }
        List<LeaseRecord> out = new ArrayList<>();
        Matcher object = OBJECT.matcher(trimmed);
        while (object.find()) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher member = MEMBER.matcher(object.group(1));
            while (member.find()) {
                fields.put(member.group(1), unescape(member.group(2)));
            }
            out.add(new LeaseRecord(fields.get("address"), fields.get("mac"), fields.get("state"),
                    fields.get("starts"), fields.get("expires"), fields.get("hostname")));
        }
        return out;
    }

    private static String unescape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                sb.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(next);
            }
        }
        return sb.toString();
    }
}
