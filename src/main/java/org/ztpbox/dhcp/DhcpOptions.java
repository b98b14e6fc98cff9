package org.ztpbox.dhcp;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of one DHCP message, in wire order, as raw payloads keyed by unsigned code.
 * Immutable: built once by the codec or by {@link Builder}.
 */
public final class DhcpOptions {

    private final Map<Integer, byte[]> byCode;

    private DhcpOptions(Map<Integer, byte[]> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean has(int code) {
        return byCode.containsKey(code);
    }

    /** The payload, or null when absent. A copy: callers may keep or change it. */
    public byte[] get(int code) {
        byte[] value = byCode.get(code);
        return value == null ? null : value.clone();
    }

    /** Payload length, or -1 when absent. */
    public int length(int code) {
        byte[] value = byCode.get(code);
        return value == null ? -1 : value.length;
    }

    public Set<Integer> codes() {
        return byCode.keySet();
    }

    /** The payload read as text (RFC 2132 strings are NVT ASCII; Latin-1 keeps every byte), NULs trimmed. */
    public String string(int code) {
        byte[] value = byCode.get(code);
        if (value == null) {
            return null;
        }
        int end = value.length;
        while (end > 0 && value[end - 1] == 0) {
            end--;
        }
        return new String(value, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** A one-byte option's value, or -1 when absent or of another length. */
    public int uint8(int code) {
        byte[] value = byCode.get(code);
        return value == null || value.length != 1 ? -1 : value[0] & 0xFF;
    }

    /** A two-byte option's value, or -1 when absent or of another length. */
    public int uint16(int code) {
        byte[] value = byCode.get(code);
        return value == null || value.length != 2 ? -1 : ((value[0] & 0xFF) << 8) | (value[1] & 0xFF);
    }

    /** A four-byte option as an address, or null when absent or of another length. */
    public org.ztpbox.core.Ipv4Address address(int code) {
        byte[] value = byCode.get(code);
        return value == null || value.length != 4 ? null : org.ztpbox.core.Ipv4Address.fromBytes(value, 0);
    }

    /** Encoded size of all options: code, length and payload each. */
    public int encodedSize() {
        int size = 0;
        for (byte[] value : byCode.values()) {
            size += 2 + value.length;
        }
        return size;
    }

    @Override
    public String toString() {
        return "options" + byCode.keySet();
    }

    /** Builds options in insertion order; a repeated code replaces the earlier value in place. */
    public static final class Builder {
        private final Map<Integer, byte[]> byCode = new LinkedHashMap<>();

        public Builder put(int code, byte[] value) {
            if (code <= 0 || code >= 255) {
                throw new IllegalArgumentException("option code must be 1-254: " + code);
            }
            if (value.length > 255) {
                throw new IllegalArgumentException("option " + code + " is longer than 255 bytes");
            }
            byCode.put(code, value.clone());
            return this;
        }

        public Builder putAll(DhcpOptions options) {
            options.byCode.forEach(byCode::put);
            return this;
        }

        public boolean has(int code) {
            return byCode.containsKey(code);
        }

        public int encodedSize() {
            int size = 0;
            for (byte[] value : byCode.values()) {
                size += 2 + value.length;
            }
            return size;
        }

        public DhcpOptions build() {
            return new DhcpOptions(new LinkedHashMap<>(byCode));
        }
    }
}
