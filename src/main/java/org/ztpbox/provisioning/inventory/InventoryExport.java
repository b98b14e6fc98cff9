package org.ztpbox.provisioning.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ztpbox.core.Phone;

/**
 * Writes the inventory as CSV (RFC 4180: comma-separated, CRLF, quoted when needed, UTF-8 without
 * byte order mark): the known columns under their canonical headers, then every extra column by
 * its variable name. Importing the result gives the same inventory back, which is what makes
 * export, edit, import a safe round trip.
 *
 * <p>Secrets (the SIP password, extra columns named like a password or secret) are written only
 * when asked for; otherwise their cells are empty, which an import reads as "keep the stored one".
 */
public final class InventoryExport {

    private InventoryExport() {
    }

    public static String csv(List<Phone> phones, boolean includeSecrets) {
        Set<String> extraColumns = new LinkedHashSet<>();
        phones.forEach(p -> extraColumns.addAll(p.extra().keySet()));
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (InventoryField field : InventoryField.values()) {
            header.add(field.header());
        }
        header.addAll(extraColumns);
        line(out, header);
        for (Phone p : phones) {
            List<String> row = new ArrayList<>(List.of(p.mac().toString(), p.model(), p.extension(), p.displayName(),
                    p.sipUser(), includeSecrets ? p.sipPassword() : "", p.authDomain(), p.registrar(), p.site()));
            for (String column : extraColumns) {
                String value = p.extra().getOrDefault(column, "");
                row.add(!includeSecrets && InventoryField.isSecretVariable(column) ? "" : value);
            }
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, values.get(i));
        }
        out.append("\r\n");
    }

    /** Quotes a value that holds a comma, semicolon, quote, line break or edge space (RFC 4180 §2.6, §2.7). */
    static void quote(StringBuilder out, String value) {
        boolean needs = value.chars().anyMatch(c -> c == ',' || c == ';' || c == '"' || c == '\r' || c == '\n'
                || c == '\t') || !value.equals(value.strip());
        if (!needs) {
            out.append(value);
            return;
        }
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
