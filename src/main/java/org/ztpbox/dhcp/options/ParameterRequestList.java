package org.ztpbox.dhcp.options;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * Option 55: the option codes a client asks for, in its order of preference, without duplicates.
 * A hostile list of 255 entries costs no more than a normal one: lookups use a fixed bit set.
 */
public final class ParameterRequestList {

    private static final ParameterRequestList EMPTY = new ParameterRequestList(new int[0]);

    private final int[] codes;
    private final long[] bits = new long[4];

    private ParameterRequestList(int[] codes) {
        this.codes = codes;
        for (int code : codes) {
            bits[code >>> 6] |= 1L << (code & 63);
        }
    }

    public static ParameterRequestList parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return EMPTY;
        }
        boolean[] seen = new boolean[256];
        int[] codes = new int[raw.length];
        int n = 0;
        for (byte b : raw) {
            int code = b & 0xFF;
            if (code != 0 && code != 255 && !seen[code]) {
                seen[code] = true;
                codes[n++] = code;
            }
        }
        return new ParameterRequestList(Arrays.copyOf(codes, n));
    }

    public boolean requests(int code) {
        return code >= 0 && code < 256 && (bits[code >>> 6] & (1L << (code & 63))) != 0;
    }

    /** The codes in the client's order. */
    public int[] codes() {
        return codes.clone();
    }

    /** Comma-separated codes, e.g. {@code 1,3,6,15,66,160}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(",");
        for (int code : codes) {
            joiner.add(Integer.toString(code));
        }
        return joiner.toString();
    }
}
