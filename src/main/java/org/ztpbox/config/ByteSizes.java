package org.ztpbox.config;

import java.util.Locale;

/** Sizes as admins write them: plain bytes ({@code 65536}) or binary units ({@code 512k 8m 1g}). */
public final class ByteSizes {

    private ByteSizes() {
    }

    public static long parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                default -> shift = -1;
            }
        }
        String digits = shift > 0 ? t.substring(0, t.length() - 1).trim() : t;
        long amount;
        try {
            amount = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a size such as 65536, 512k or 8m, found '" + text + "'");
        }
        if (amount < 1 || amount > (1L << 40) >> Math.max(shift, 0)) {
            throw new IllegalArgumentException("size out of range (1 byte to 1 TiB): '" + text + "'");
        }
        return amount << Math.max(shift, 0);
    }
}
