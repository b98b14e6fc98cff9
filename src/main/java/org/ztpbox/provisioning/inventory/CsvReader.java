package org.ztpbox.provisioning.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 describes it and as spreadsheets write it: fields quoted with {@code "}
 * may hold the delimiter, doubled quotes and line breaks; records end with CRLF, LF or a lone CR
 * (old Mac Excel). The delimiter is comma, semicolon (Excel where the decimal mark is a comma) or
 * tab, whichever the header line uses most outside quotes.
 *
 * <p>Lenient where spreadsheets and hand-written files differ harmlessly (a quote inside an
 * unquoted field is kept as a character); strict where data would be lost (text after a closing
 * quote, a quote never closed), which is reported with the line and field, and reading goes on.
 * Stateless and thread-safe.
 */
public final class CsvReader {

    /** One record, with the physical line it starts on (1-based) for error messages. */
    public record Row(int line, List<String> fields) {

        public Row {
            fields = List.copyOf(fields);
        }

        /** True when every field is empty or blank: spreadsheets leave such rows ({@code ;;;;}). */
        public boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** A place where the text is not valid CSV. {@code field} is 0-based. */
    public record Problem(int line, int field, String message) {
    }

    /** The records read, the delimiter found, and what was wrong. */
    public record Table(char delimiter, List<Row> rows, List<Problem> problems) {
    }

    private static final char QUOTE = '"';

    /** Reads {@code text}, detecting the delimiter from its first non-blank line. */
    public Table read(String text) {
        char delimiter = detectDelimiter(text);
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Cursor c = new Cursor(text);
        while (!c.atEnd()) {
            int startLine = c.line;
            List<String> fields = new ArrayList<>();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                String field = c.startsQuoted(delimiter) ? quoted(c, delimiter, fields.size(), problems)
                        : unquoted(c, delimiter);
                fields.add(field);
                endOfRecord = !c.consume(delimiter);
            }
            c.consumeLineBreak();
            if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                rows.add(new Row(startLine, fields)); // an empty line is no record at all
            }
        }
        return new Table(delimiter, rows, problems);
    }

    private static String unquoted(Cursor c, char delimiter) {
        int start = c.pos;
        while (!c.atEnd() && c.peek() != delimiter && c.peek() != '\r' && c.peek() != '\n') {
            c.pos++;
        }
        return c.text.substring(start, c.pos);
    }

    private static String quoted(Cursor c, char delimiter, int field, List<Problem> problems) {
        int openedOnLine = c.line;
        c.pos++; // the opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (c.atEnd()) {
                problems.add(new Problem(openedOnLine, field, "a quoted value starts here and is never closed"
                        + " (a missing \" swallows the rest of the file)"));
                return value.toString();
            }
            char ch = c.peek();
            if (ch == QUOTE) {
                c.pos++;
                if (c.peek() == QUOTE) {
                    value.append(QUOTE);
                    c.pos++;
                    continue;
                }
                break;
            }
            if (ch == '\r' || ch == '\n') {
                c.consumeLineBreak();
                value.append('\n');
                continue;
            }
            value.append(ch);
            c.pos++;
        }
        if (!c.atEnd() && c.peek() != delimiter && c.peek() != '\r' && c.peek() != '\n') {
            int line = c.line;
            String rest = unquoted(c, delimiter);
            if (rest.isBlank()) {
                return value.toString(); // spaces after the quote: hand-written, harmless
            }
            problems.add(new Problem(line, field, "text after the closing quote: \"" + value + "\"" + rest
                    + " (a quote inside a quoted value must be doubled: \"\")"));
            value.append(rest);
        }
        return value.toString();
    }

    /** The delimiter the header line uses most, outside quotes; comma when it uses none. */
    static char detectDelimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean inQuotes = false;
        boolean seenContent = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == QUOTE) {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (ch == '\n' || ch == '\r')) {
                if (seenContent) {
                    break;
                }
            } else if (!inQuotes) {
                switch (ch) {
                    case ',' -> comma++;
                    case ';' -> semicolon++;
                    case '\t' -> tab++;
                    default -> {
                        // any other character is content of a field
                    }
                }
            }
            seenContent |= !Character.isWhitespace(ch);
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }

    /** Position and physical line number in the text. */
    private static final class Cursor {
        final String text;
        int pos;
        int line = 1;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(pos);
        }

        /**
         * True when the field here is quoted, skipping the spaces hand-written files put before the
         * quote ({@code a, "b, c"}); otherwise the cursor stays where it was.
         */
        boolean startsQuoted(char delimiter) {
            int p = pos;
            while (p < text.length() && text.charAt(p) == ' ' && delimiter != ' ') {
                p++;
            }
            if (p < text.length() && text.charAt(p) == QUOTE) {
                pos = p;
                return true;
            }
            return false;
        }

        boolean consume(char ch) {
            if (!atEnd() && text.charAt(pos) == ch) {
                pos++;
                return true;
            }
            return false;
        }

        /** CRLF, LF or CR, counted as one line. */
        void consumeLineBreak() {
            if (consume('\r')) {
                consume('\n');
                line++;
            } else if (consume('\n')) {
                line++;
            }
        }
    }
}
