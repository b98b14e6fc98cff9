package org.ztpbox.tftp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OACK, RFC 2347 §3: the options the server accepts, with the values it grants, in the order
 * it writes them.
 */
public record TftpOptionAck(Map<String, String> options) implements TftpPacket {

    public TftpOptionAck {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    @Override
    public int opcode() {
        return OACK;
    }
}
