package org.ztpbox.provisioning.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;
import org.ztpbox.core.PhoneModels;

/**
 * Reads an inventory file (CSV, one row per phone, a header row naming the columns) into phones,
 * finding every problem in one pass, each with its line and column: a missing MAC column, a bad or
 * duplicate MAC (naming both lines), values too long or holding control characters, values beyond
 * the named columns. A model it does not recognise, a number Excel turned into scientific notation,
 * a file that is not UTF-8 and a column without a name are warnings. Every value is stripped of
 * leading and trailing spaces. Thread-safe.
 */
public final class InventoryParser {

    /** Longest value accepted: Poly parameter values such as {@code APP_FILE_PATH} stop at 255 characters. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 255;
    public static final int DEFAULT_MAX_PHONES = 20_000;

    private static final Pattern EXCEL_SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?E\\+\\d+", Pattern.CASE_INSENSITIVE);
    private static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);

    private final int maxValueLength;
    private final int maxPhones;

    public InventoryParser(int maxValueLength, int maxPhones) {
        this.maxValueLength = maxValueLength;
        this.maxPhones = maxPhones;
    }

    public InventoryParser() {
        this(DEFAULT_MAX_VALUE_LENGTH, DEFAULT_MAX_PHONES);
    }

    public ParsedInventory parse(byte[] bytes) {
        CsvText text = CsvText.decode(bytes);
        CsvReader.Table table = new CsvReader().read(text.text());
        List<ImportProblem> problems = new ArrayList<>();
        if (text.guessedAt() > 0) {
            problems.add(warning(text.guessedAt(), null, "the file is not UTF-8; read as Windows-1252 (Excel's plain"
                    + " 'CSV'). Check accented names, or save as 'CSV UTF-8' to be sure"));
        }
        String format = switch (table.delimiter()) {
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "comma";
        } + "-separated, " + text.encoding();
        List<CsvReader.Row> rows = table.rows().stream().filter(r -> !r.isBlank()).toList();
        if (rows.isEmpty()) {
            problems.add(error(1, null, "the file has no header row; the first line must name the columns"
                    + " (MAC, model, extension, display_name, ...)"));
            return new ParsedInventory(List.of(), problems, format);
        }
        ColumnLayout layout = ColumnLayout.read(rows.get(0), problems);
        for (CsvReader.Problem p : table.problems()) {
            problems.add(error(p.line(), layout.describe(p.field()), p.message()));
        }
        List<Phone> phones = new ArrayList<>();
        if (layout.column(InventoryField.MAC) >= 0) {
            new RowChecker(layout, problems).check(rows.subList(1, rows.size()), phones);
        }
        problems.sort(Comparator.comparingInt(ImportProblem::line));
        return new ParsedInventory(phones, problems, format);
    }

    /** The per-row work of one parse. */
    private final class RowChecker {
        private final ColumnLayout layout;
        private final List<ImportProblem> problems;
        private final Map<MacAddress, Integer> seen = new HashMap<>();
        private final Set<Integer> unnamedReported = new HashSet<>();
        private int errors;

        RowChecker(ColumnLayout layout, List<ImportProblem> problems) {
            this.layout = layout;
            this.problems = problems;
        }

        void check(List<CsvReader.Row> rows, List<Phone> phones) {
            int count = 0;
            for (CsvReader.Row row : rows) {
                if (++count > maxPhones) {
                    report(error(row.line(), null, "more than " + maxPhones + " phones; split the file"));
                    return;
                }
                phone(row).ifPresent(phones::add);
            }
        }

        private Optional<Phone> phone(CsvReader.Row row) {
            int errorsBefore = errors;
            MacAddress mac = mac(row);
            Map<InventoryField, String> values = new EnumMap<>(InventoryField.class);
            for (InventoryField field : InventoryField.values()) {
                int column = layout.column(field);
                if (field != InventoryField.MAC && column >= 0) {
                    values.put(field, value(row, column));
                }
            }
            Map<String, String> extra = new LinkedHashMap<>();
            layout.extras().forEach((name, column) -> extra.put(name, value(row, column)));
            for (int column : layout.unnamed()) {
                if (!cell(row, column).isEmpty() && unnamedReported.add(column)) {
                    report(warning(row.line(), layout.describe(column), "this column has values but no name"
                            + " in the header row, so it is ignored; name it to use it in templates"));
                }
            }
            for (int column = layout.width(); column < row.fields().size(); column++) {
                if (!cell(row, column).isEmpty()) {
                    report(error(row.line(), layout.describe(column), "a value beyond the last column of the"
                            + " header row (" + layout.width() + " columns); is a separator too many in this line?"));
                    break;
                }
            }
            String model = values.getOrDefault(InventoryField.MODEL, "");
            if (!model.isEmpty()) {
                Optional<String> canonical = PhoneModels.canonical(model);
                if (canonical.isPresent()) {
                    model = canonical.get();
                } else {
                    report(warning(row.line(), layout.describe(layout.column(InventoryField.MODEL)),
                            "unknown model '" + model + "' (kept as written; per-model firmware and settings will not"
                                    + " apply to this phone). Known spellings: VVX 410, SoundPoint IP 550, Trio 8800,"
                                    + " ..."));
                }
            }
            if (mac == null || errors > errorsBefore) {
                return Optional.empty();
            }
            return Optional.of(new Phone(mac, model, values.get(InventoryField.EXTENSION),
                    values.get(InventoryField.DISPLAY_NAME), values.get(InventoryField.SIP_USER),
                    values.get(InventoryField.SIP_PASSWORD), values.get(InventoryField.AUTH_DOMAIN),
                    values.get(InventoryField.REGISTRAR), values.get(InventoryField.SITE), extra));
        }

        private MacAddress mac(CsvReader.Row row) {
            int column = layout.column(InventoryField.MAC);
            String text = value(row, column);
            String where = layout.describe(column);
            if (text.isEmpty()) {
                report(error(row.line(), where, "the MAC is missing (every row is one phone, named by its MAC)"));
                return null;
            }
            MacAddress mac;
            try {
                mac = MacAddress.parse(text);
            } catch (IllegalArgumentException e) {
                report(error(row.line(), where, "'" + text + "' is not a MAC address (12 hex digits, e.g."
                        + " 0004f2aa814c or 00:04:F2:AA:81:4C)"));
                return null;
            }
            if (mac.value() == 0 || mac.equals(BROADCAST)) {
                report(error(row.line(), where, "'" + text + "' is not a phone's MAC (000000000000 names the"
                        + " shared master file)"));
                return null;
            }
            Integer first = seen.putIfAbsent(mac, row.line());
            if (first != null) {
                report(error(row.line(), where, "MAC " + mac + " is also on line " + first
                        + "; one row per phone"));
                return null;
            }
            return mac;
        }

        /** The stripped value of a cell, checked for length, control characters and Excel damage. */
        private String value(CsvReader.Row row, int column) {
            String value = cell(row, column);
            String where = layout.describe(column);
            if (value.length() > maxValueLength) {
                report(error(row.line(), where, "the value is " + value.length() + " characters long; at most "
                        + maxValueLength));
            }
            value.chars().filter(InventoryParser::isControl).findFirst().ifPresent(c -> report(
                    error(row.line(), where, "the value contains " + describeControl(c)
                            + "; values must be a single line of printable text")));
            if (EXCEL_SCIENTIFIC.matcher(value).matches()) {
                report(warning(row.line(), where, "'" + value + "' looks like a number a spreadsheet turned into"
                        + " scientific notation (digits lost); format the column as Text and export again"));
            }
            return value;
        }

        private void report(ImportProblem problem) {
            problems.add(problem);
            if (problem.isError()) {
                errors++;
            }
        }
    }

    private static String cell(CsvReader.Row row, int column) {
        return column < row.fields().size() ? row.fields().get(column).strip() : "";
    }

    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static String describeControl(int c) {
        return switch (c) {
            case '\n', '\r' -> "a line break";
            case '\t' -> "a tab";
            default -> String.format("the control character U+%04X", c);
        };
    }

    private static ImportProblem error(int line, String column, String message) {
        return new ImportProblem(ImportProblem.Kind.ERROR, line, column, message);
    }

    private static ImportProblem warning(int line, String column, String message) {
        return new ImportProblem(ImportProblem.Kind.WARNING, line, column, message);
    }
}
