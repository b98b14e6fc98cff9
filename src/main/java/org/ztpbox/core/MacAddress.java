package org.ztpbox.core;

/**
 * An IEEE 802 MAC-48 address, kept as the low 48 bits of a long.
 *
 * <p>Admins and phones spell MACs in many ways; {@link #parse} accepts every common one
 * ({@code 0004f2aa814c}, {@code 00:04:F2:AA:81:4C}, {@code 00-04-f2-aa-81-4c},
 * {@code 0004.f2aa.814c}) so that every command and config key taking a MAC agrees.
 */
public record MacAddress(long value) implements Comparable<MacAddress> {

    public MacAddress {
        if ((value & ~0xFFFF_FFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("not a 48-bit MAC address: " + Long.toHexString(value));
        }
    }

    /** Parses any common spelling; throws {@link IllegalArgumentException} naming the input otherwise. */
    public static MacAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("MAC address is missing");
        }
        long value = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int nibble = Character.digit(c, 16);
            if (nibble >= 0) {
                if (++digits > 12) {
                    break;
                }
                value = (value << 4) | nibble;
            } else if (c != ':' && c != '-' && c != '.' && c != ' ') {
                throw new IllegalArgumentException("not a MAC address: '" + text + "'");
            }
        }
        if (digits != 12) {
            throw new IllegalArgumentException("not a MAC address (need 12 hex digits): '" + text + "'");
        }
        return new MacAddress(value);
    }

    /** Reads six bytes starting at {@code offset}. */
    public static MacAddress fromBytes(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 6; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return new MacAddress(value);
    }

    public byte[] toBytes() {
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) (value >>> (40 - 8 * i));
        }
        return out;
    }

    /** The first three octets (the vendor's OUI) as a 24-bit number. */
    public int oui() {
        return (int) (value >>> 24);
    }

    /** Twelve lower-case hex digits, as phones name their files: {@code 0004f2aa814c}. */
    public String compact() {
        char[] out = new char[12];
        for (int i = 0; i < 12; i++) {
            out[i] = HEX[(int) (value >>> (44 - 4 * i)) & 0xF];
        }
        return new String(out);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Colon-separated lower case: {@code 00:04:f2:aa:81:4c}. */
    @Override
    public String toString() {
        // Formatted by hand: this runs for every event and lease written, String.format is slow.
        char[] out = new char[17];
        for (int i = 0; i < 6; i++) {
            int octet = (int) (value >>> (40 - 8 * i)) & 0xFF;
            out[i * 3] = HEX[octet >>> 4];
            out[i * 3 + 1] = HEX[octet & 0xF];
            if (i < 5) {
                out[i * 3 + 2] = ':';
            }
        }
        return new String(out);
    }

    @Override
    public int compareTo(MacAddress other) {
        return Long.compare(value, other.value);
    }
}
