package org.ztpbox.cli;

import java.util.List;
import java.util.Map;
import org.ztpbox.core.FlatJson;

/** The JSON that {@code --json} listings print: an array of flat objects, one per line. */
final class JsonListing {

    private JsonListing() {
    }

    static String array(List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            out.append(i == 0 ? "" : ",").append(System.lineSeparator()).append("  ")
                    .append(FlatJson.write(rows.get(i)));
        }
        return out.append(rows.isEmpty() ? "]" : System.lineSeparator() + "]").toString();
    }

    /** A JSON array of strings. */
    static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            FlatJson.quote(out.append(i == 0 ? "" : ", "), values.get(i));
        }
        return out.append(']').toString();
    }
}
