package org.ztpbox.dhcp.options;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Option 82 (RFC 3046), parsed ourselves because dhcp4java turns binary circuit ids into empty
 * strings. Only read for display: the server echoes the raw option to the relay unchanged.
 *
 * @param subOptions sub-option code to its value in hex (1 circuit id, 2 remote id)
 */
public record RelayAgentInfo(Map<Integer, String> subOptions) {

    public RelayAgentInfo {
        subOptions = Map.copyOf(subOptions);
    }

    public static RelayAgentInfo parse(byte[] raw) {
        Map<Integer, String> out = new LinkedHashMap<>();
        int pos = 0;
        while (pos + 2 <= raw.length) {
            int code = raw[pos] & 0xFF;
            int len = raw[pos + 1] & 0xFF;
            if (pos + 2 + len > raw.length) {
                break;
            }
            out.putIfAbsent(code, HexFormat.of().formatHex(raw, pos + 2, pos + 2 + len));
            pos += 2 + len;
        }
        return new RelayAgentInfo(out);
    }

    public String circuitId() {
        return subOptions.get(1);
    }

    public String remoteId() {
        return subOptions.get(2);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        subOptions.forEach((code, hex) -> sb.append(sb.length() == 0 ? "" : " ").append(code).append('=').append(hex));
        return sb.toString();
    }
}
