package org.ztpbox.dhcp.options;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Option 60 (vendor class identifier) as a Poly phone sends it, decoded.
 *
 * <p>Polycom phones send by default a binary form (polycom-provisioning.md §1.1, "Parse Vendor ID
 * Information"): the 4-byte IANA enterprise number 13885 ({@code 00 00 36 3D}), one length byte,
 * then sub-options {@code code len value} (1 company, 2 model, 3 part number, 4 application
 * version, 5 boot version) and maybe {@code FF}. Polycom's own worked example has lengths that do
 * not leave room for the {@code FF}, so parsing is bounded by the option length alone and stops at
 * {@code FF}, at the end, or at the first sub-option that would overrun. Any other option 60 is
 * kept as text.
 *
 * @param enterprise  the enterprise number of the binary form, or -1 for a text vendor class
 * @param text        the vendor class as printable text (the raw text, or the hex of binary data)
 * @param subOptions  decoded sub-options of the binary form, by code
 */
public record VendorClass(int enterprise, String text, Map<Integer, String> subOptions) {

    public static final int POLYCOM_ENTERPRISE = 13885;

    public VendorClass {
        subOptions = Map.copyOf(subOptions);
    }

    /**
     * Encodes the binary form as a Poly phone sends it: enterprise 13885, a length byte, the
     * sub-options 1 to 5 in order, then {@code FF}. As in Polycom's worked example, the length byte
     * counts the sub-options without the {@code FF}.
     */
    public static byte[] encodePolycom(String company, String model, String partNumber, String applicationVersion,
                                       String bootVersion) {
        ByteArrayOutputStream sub = new ByteArrayOutputStream();
        String[] values = {company, model, partNumber, applicationVersion, bootVersion};
        for (int i = 0; i < values.length; i++) {
            byte[] value = values[i].getBytes(StandardCharsets.US_ASCII);
            sub.write(i + 1);
            sub.write(value.length);
            sub.writeBytes(value);
        }
        if (5 + sub.size() + 1 > 255) {
            throw new IllegalArgumentException("option 60 would exceed 255 bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x00, 0x36, 0x3D, (byte) sub.size()});
        out.writeBytes(sub.toByteArray());
        out.write(0xFF);
        return out.toByteArray();
    }

    public static VendorClass parse(byte[] raw) {
        if (raw.length >= 5 && readInt(raw) == POLYCOM_ENTERPRISE) {
            return new VendorClass(POLYCOM_ENTERPRISE, HexFormat.ofDelimiter(":").formatHex(raw), subOptions(raw));
        }
        return new VendorClass(-1, printable(raw), Map.of());
    }

    private static int readInt(byte[] raw) {
        return ((raw[0] & 0xFF) << 24) | ((raw[1] & 0xFF) << 16) | ((raw[2] & 0xFF) << 8) | (raw[3] & 0xFF);
    }

    private static Map<Integer, String> subOptions(byte[] raw) {
        Map<Integer, String> out = new LinkedHashMap<>();
        int pos = 5; // after the enterprise number and the (unreliable) data length byte
        while (pos + 2 <= raw.length) {
            int code = raw[pos] & 0xFF;
            if (code == 0xFF) {
                break;
            }
            int len = raw[pos + 1] & 0xFF;
            if (pos + 2 + len > raw.length) {
                break;
            }
            out.putIfAbsent(code, new String(raw, pos + 2, len, StandardCharsets.ISO_8859_1).trim());
            pos += 2 + len;
        }
        return out;
    }

    private static String printable(byte[] raw) {
        int end = raw.length;
        while (end > 0 && raw[end - 1] == 0) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (raw[i] < 0x20 || raw[i] == 0x7F) {
                return HexFormat.ofDelimiter(":").formatHex(raw);
            }
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    public boolean isPolycomBinary() {
        return enterprise == POLYCOM_ENTERPRISE;
    }

    /** Company sub-option 1, e.g. {@code Polycom}; null when absent. */
    public String company() {
        return subOptions.get(1);
    }

    /** Model sub-option 2, e.g. {@code SoundPointIP-SPIP_601} or {@code VVX-VVX_410}. */
    public String model() {
        return subOptions.get(2);
    }

    /** Part number sub-option 3, e.g. {@code 3111-46162-001,7}. */
    public String partNumber() {
        return subOptions.get(3);
    }

    /** Application version sub-option 4, e.g. {@code SIP/5.9.5.0614/12-Dec-19 08:57}. */
    public String applicationVersion() {
        return subOptions.get(4);
    }

    /** Boot (BootROM or Updater) version sub-option 5. */
    public String bootVersion() {
        return subOptions.get(5);
    }

    /**
     * The boot stage the phone reports: while the BootROM/Updater runs, sub-options 4 and 5 carry
     * the same string (polycom-provisioning.md §1.1).
     */
    public String stage() {
        if (applicationVersion() == null) {
            return null;
        }
        return applicationVersion().equals(bootVersion()) ? "boot" : "application";
    }
}
