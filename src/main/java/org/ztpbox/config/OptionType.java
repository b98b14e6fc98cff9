package org.ztpbox.config;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.ztpbox.core.Ipv4Address;

/** The value types an admin can give a DHCP option, each with its wire encoding (RFC 2132 §2). */
public enum OptionType {
    STRING, IP, IPS, UINT8, UINT16, UINT32, HEX;

    public static OptionType parse(String text) {
        for (OptionType type : values()) {
            if (type.configName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("expected one of string, ip, ips, uint8, uint16, uint32, hex; found '"
                + text + "'");
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Encodes the written values; a list is accepted only by {@link #IPS}. */
    public byte[] encode(List<String> values) {
        if (this != IPS && values.size() != 1) {
            throw new IllegalArgumentException("type " + configName() + " takes one value, found " + values.size());
        }
        byte[] out = switch (this) {
            case STRING -> values.get(0).getBytes(StandardCharsets.UTF_8);
            case IP -> Ipv4Address.parse(values.get(0)).toBytes();
            case IPS -> encodeAddresses(values);
            case UINT8 -> unsigned(values.get(0), 1);
            case UINT16 -> unsigned(values.get(0), 2);
            case UINT32 -> unsigned(values.get(0), 4);
            case HEX -> hex(values.get(0));
        };
        if (out.length == 0 || out.length > 255) {
            throw new IllegalArgumentException("an option value must be 1 to 255 bytes, this one is " + out.length);
        }
        return out;
    }

    private static byte[] encodeAddresses(List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("type ips needs at least one address");
        }
        byte[] out = new byte[values.size() * 4];
        for (int i = 0; i < values.size(); i++) {
            System.arraycopy(Ipv4Address.parse(values.get(i)).toBytes(), 0, out, i * 4, 4);
        }
        return out;
    }

    private static byte[] unsigned(String text, int bytes) {
        long max = (1L << (8 * bytes)) - 1;
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, found '" + text + "'");
        }
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("must be between 0 and " + max + ", found " + value);
        }
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[i] = (byte) (value >>> (8 * (bytes - 1 - i)));
        }
        return out;
    }

    private static byte[] hex(String text) {
        String digits = text.replaceAll("[\\s:.-]", "");
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected hex bytes such as 00:00:36:3d, found '" + text + "'");
        }
    }
}
