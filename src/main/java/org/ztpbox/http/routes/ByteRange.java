package org.ztpbox.http.routes;

/**
 * A single byte range (RFC 9110 §14.1.2) resolved against a representation's length. Only one
 * range is served: for several (or a syntax error, or another unit) the {@code Range} header is
 * ignored and the whole file sent, which §14.2 allows; a firmware download resumes with one range.
 *
 * @param first first byte, inclusive
 * @param last  last byte, inclusive
 */
public record ByteRange(long first, long last) {

    /** What a {@code Range} header asks of a representation of a given length. */
    public sealed interface Outcome {
    }

    /** Send everything (no header, or one to ignore). */
    public record Whole() implements Outcome {
    }

    /** Send this part with 206. */
    public record Part(ByteRange range) implements Outcome {
    }

    /** 416, with {@code Content-Range: bytes *&#47;length} (§15.5.17). */
    public record Unsatisfiable() implements Outcome {
    }

    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value for a 206 (§14.4). */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    public static Outcome evaluate(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole();
        }
        String spec = h.substring(6).trim();
        if (spec.indexOf(',') >= 0) {
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        long first = number(spec.substring(0, dash).trim());
        long last = number(spec.substring(dash + 1).trim());
        if (first == -1 && last >= 0) { // suffix-range: the last N bytes
            if (last == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, size - last), size - 1));
        }
        if (first < 0 || last < -1 || (last >= 0 && last < first)) {
            return new Whole(); // invalid range-spec: ignore the header
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        return new Part(new ByteRange(first, last == -1 ? size - 1 : Math.min(last, size - 1)));
    }

    /** A non-negative decimal, -1 for empty, -2 for anything else (so that it fails the checks). */
    private static long number(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        if (text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -2;
        }
        return Long.parseLong(text);
    }
}
