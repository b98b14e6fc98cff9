package org.ztpbox.diagnose;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Option 43 as shown to the admin. Its meaning depends on the vendor class it answers (for Poly
 * phones it is undocumented, polycom-provisioning.md §1.2), so it is shown, not interpreted: as
 * text when every byte is printable (some servers put a URL there; its password is masked, and the
 * hex, which would spell it, is left out), else as hex.
 */
public final class VendorSpecific {

    private VendorSpecific() {
    }

    /** The value as shown: {@code "text"} in quotes, password masked, or the hex bytes; null stays null. */
    public static String shown(String hex) {
        if (hex == null) {
            return null;
        }
        byte[] raw = HexFormat.of().parseHex(hex);
        boolean printable = raw.length > 0;
        for (byte b : raw) {
            printable &= b >= 0x20 && b < 0x7F;
        }
        return printable ? "\"" + Secrets.mask(new String(raw, StandardCharsets.US_ASCII)) + "\"" : hex;
    }
}
