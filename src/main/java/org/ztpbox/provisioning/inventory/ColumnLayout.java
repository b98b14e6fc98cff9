package org.ztpbox.provisioning.inventory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each column of an inventory file holds, read from its header row: a known field, an extra
 * template variable, or nothing (a column without a name). Problems with the header itself (no MAC
 * column, two columns for one field) are reported against the header's line.
 */
final class ColumnLayout {

    private final List<String> headers;
    private final Map<InventoryField, Integer> fields = new EnumMap<>(InventoryField.class);
    private final Map<String, Integer> extras = new LinkedHashMap<>();
    private final List<Integer> unnamed = new ArrayList<>();

    private ColumnLayout(List<String> headers) {
        this.headers = headers;
    }

    static ColumnLayout read(CsvReader.Row header, List<ImportProblem> problems) {
        List<String> names = header.fields().stream().map(String::strip).toList();
        ColumnLayout layout = new ColumnLayout(names);
        Map<String, Integer> extraFirstSeen = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            InventoryField field = InventoryField.forHeader(name);
            if (field != null) {
                Integer earlier = layout.fields.putIfAbsent(field, i);
                if (earlier != null) {
                    problems.add(error(header.line(), layout.describe(i), "column " + layout.describe(earlier)
                            + " already gives the " + field.header() + "; keep one of them"));
                }
                continue;
            }
            String variable = InventoryField.variableName(name);
            if (variable.isEmpty()) {
                layout.unnamed.add(i);
                continue;
            }
            Integer earlier = extraFirstSeen.putIfAbsent(variable, i);
            if (earlier != null) {
                problems.add(error(header.line(), layout.describe(i), "same variable name '" + variable
                        + "' as column " + layout.describe(earlier) + "; rename one of them"));
            } else {
                layout.extras.put(variable, i);
            }
        }
        if (!layout.fields.containsKey(InventoryField.MAC)) {
            problems.add(error(header.line(), null, "no MAC column in the header row " + names + "; name one column"
                    + " 'MAC' (also accepted: 'MAC Address', 'mac_address', 'macaddress', 'HW Address')"));
        }
        return layout;
    }

    private static ImportProblem error(int line, String column, String message) {
        return new ImportProblem(ImportProblem.Kind.ERROR, line, column, message);
    }

    /** The column of a known field, or -1 when the file has none. */
    int column(InventoryField field) {
        return fields.getOrDefault(field, -1);
    }

    /** Extra columns by variable name, in file order. */
    Map<String, Integer> extras() {
        return extras;
    }

    List<Integer> unnamed() {
        return unnamed;
    }

    int width() {
        return headers.size();
    }

    /** {@code B (MAC Address)}: the letter a spreadsheet shows, and the header when there is one. */
    String describe(int column) {
        String header = column < headers.size() ? headers.get(column) : "";
        return letter(column) + (header.isEmpty() ? "" : " (" + header + ")");
    }

    /** Spreadsheet column letters: 0 is A, 25 is Z, 26 is AA. */
    static String letter(int column) {
        StringBuilder out = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            out.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return out.toString();
    }
}
