package org.ztpbox.tftp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ztpbox.tftp.TftpOptionAck;
import org.ztpbox.tftp.TftpPacket;

/**
 * The OACK packet of RFC 2347 §3, which commons-net lacks: opcode 6, then NUL-terminated option
 * name and value pairs. Written by us; read back by tests and by any client side we grow.
 */
final class OptionAckCodec {

    private OptionAckCodec() {
    }

    static byte[] encode(TftpOptionAck oack) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(0);
        out.write(TftpPacket.OACK);
        oack.options().forEach((name, value) -> {
            out.writeBytes(TftpCodec.ascii(name).getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeBytes(TftpCodec.ascii(value).getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        });
        return out.toByteArray();
    }

    /** Reads the pairs after the opcode; every name and value must be NUL-terminated. */
    static TftpDecodeResult decode(byte[] datagram) {
        Map<String, String> options = new LinkedHashMap<>();
        int index = 2;
        while (index < datagram.length) {
            int nameEnd = terminator(datagram, index);
            int valueEnd = nameEnd < 0 ? -1 : terminator(datagram, nameEnd + 1);
            if (valueEnd < 0) {
                return new TftpDecodeResult.Malformed(TftpPacket.OACK, "OACK option not NUL-terminated");
            }
            String name = new String(datagram, index, nameEnd - index, StandardCharsets.US_ASCII);
            options.put(name.toLowerCase(Locale.ROOT),
                    new String(datagram, nameEnd + 1, valueEnd - nameEnd - 1, StandardCharsets.US_ASCII));
            index = valueEnd + 1;
        }
        return new TftpDecodeResult.Decoded(new TftpOptionAck(options));
    }

    private static int terminator(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
