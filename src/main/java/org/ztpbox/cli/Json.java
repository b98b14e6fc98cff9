package org.ztpbox.cli;

import java.util.List;
import java.util.Map;
import org.ztpbox.core.FlatJson;

/**
 * JSON for the commands' {@code --json} output: maps (in their order), lists, strings, numbers,
 * booleans and null, indented two spaces so that people can read it and scripts parse it.
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, int depth) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            FlatJson.quote(sb, s);
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ",").append('\n').append("  ".repeat(depth + 1));
                FlatJson.quote(sb, String.valueOf(e.getKey())).append(": ");
                write(sb, e.getValue(), depth + 1);
                first = false;
            }
            sb.append('\n').append("  ".repeat(depth)).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",").append('\n').append("  ".repeat(depth + 1));
                write(sb, list.get(i), depth + 1);
            }
            sb.append('\n').append("  ".repeat(depth)).append(']');
        } else {
            FlatJson.quote(sb, value.toString());
        }
    }
}
