package org.ztpbox.tftp.codec;

import java.net.DatagramPacket;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPAckPacket;
import org.apache.commons.net.tftp.TFTPDataPacket;
import org.apache.commons.net.tftp.TFTPErrorPacket;
import org.apache.commons.net.tftp.TFTPPacket;
import org.apache.commons.net.tftp.TFTPPacketException;
import org.apache.commons.net.tftp.TFTPReadRequestPacket;
import org.apache.commons.net.tftp.TFTPRequestPacket;
import org.apache.commons.net.tftp.TFTPWriteRequestPacket;
import org.ztpbox.tftp.TftpAck;
import org.ztpbox.tftp.TftpData;
import org.ztpbox.tftp.TftpError;
import org.ztpbox.tftp.TftpErrorCode;
import org.ztpbox.tftp.TftpMode;
import org.ztpbox.tftp.TftpOptionAck;
import org.ztpbox.tftp.TftpPacket;
import org.ztpbox.tftp.TftpRequest;

/**
 * Converts between datagram payloads and {@link TftpPacket}s (RFC 1350 §5, RFC 2347), through
 * commons-net's packet classes; OACK, which commons-net lacks, through {@link OptionAckCodec}.
 * The only class that touches commons-net: replace it here and nowhere else. Stateless and
 * thread-safe; each library packet lives inside one call.
 */
public final class TftpCodec {

    /** commons-net packets carry an address; ours travel in the envelope, so this one is never used. */
    private static final InetAddress UNUSED = InetAddress.getLoopbackAddress();

    /**
     * Decodes one datagram. Never throws: anything malformed becomes a
     * {@link TftpDecodeResult.Malformed} with the opcode (when readable) and the reason.
     */
    public TftpDecodeResult decode(byte[] datagram) {
        if (datagram.length < 2) {
            return new TftpDecodeResult.Malformed(-1, "datagram of " + datagram.length + " bytes has no opcode");
        }
        int opcode = (datagram[0] & 0xFF) << 8 | datagram[1] & 0xFF;
        // commons-net reads only the second byte: 07 01 would pass as an RRQ (LIBRARIES.md §2).
        if (opcode < TftpPacket.RRQ || opcode > TftpPacket.OACK) {
            return new TftpDecodeResult.Malformed(opcode, "unknown opcode " + opcode);
        }
        if (opcode == TftpPacket.OACK) {
            return OptionAckCodec.decode(datagram);
        }
        try {
            // Offset 0 and the exact length: commons-net ignores a DatagramPacket's offset.
            TFTPPacket packet = TFTPPacket.newTFTPPacket(new DatagramPacket(datagram, datagram.length));
            return new TftpDecodeResult.Decoded(toPacket(packet));
        } catch (TFTPPacketException e) {
            return new TftpDecodeResult.Malformed(opcode, e.getMessage());
        } catch (RuntimeException e) {
            // An unterminated option name or value makes commons-net throw ArrayIndexOutOfBoundsException.
            return new TftpDecodeResult.Malformed(opcode, "undecodable: " + e);
        }
    }

    private static TftpPacket toPacket(TFTPPacket packet) {
        if (packet instanceof TFTPRequestPacket request) {
            Map<String, String> options = new HashMap<>();
            request.getOptions().forEach((name, value) -> options.put(name.toLowerCase(Locale.ROOT), value));
            TftpMode mode = request.getMode() == TFTP.NETASCII_MODE ? TftpMode.NETASCII : TftpMode.OCTET;
            return new TftpRequest(packet instanceof TFTPWriteRequestPacket, request.getFilename(), mode, options);
        }
        if (packet instanceof TFTPDataPacket data) {
            byte[] bytes = new byte[data.getDataLength()];
            System.arraycopy(data.getData(), data.getDataOffset(), bytes, 0, bytes.length);
            return new TftpData(data.getBlockNumber(), bytes);
        }
        if (packet instanceof TFTPAckPacket ack) {
            return new TftpAck(ack.getBlockNumber());
        }
        TFTPErrorPacket error = (TFTPErrorPacket) packet;
        return new TftpError(TftpErrorCode.valueOf(error.getError()), error.getMessage());
    }

    /** Encodes one packet into an exactly-sized datagram payload. */
    public byte[] encode(TftpPacket packet) {
        if (packet instanceof TftpOptionAck oack) {
            return OptionAckCodec.encode(oack);
        }
        return toLibraryPacket(packet).newDatagram().getData();
    }

    private static TFTPPacket toLibraryPacket(TftpPacket packet) {
        if (packet instanceof TftpData data) {
            // The public constructor does not enforce 512 bytes, so blksize-sized blocks go through.
            return new TFTPDataPacket(UNUSED, 0, data.block(), data.data(), 0, data.length());
        }
        if (packet instanceof TftpAck ack) {
            return new TFTPAckPacket(UNUSED, 0, ack.block());
        }
        if (packet instanceof TftpError error) {
            return new TFTPErrorPacket(UNUSED, 0, error.code().code(), ascii(error.message()));
        }
        TftpRequest request = (TftpRequest) packet;
        String name = ascii(request.filename());
        int mode = request.mode() == TftpMode.NETASCII ? TFTP.NETASCII_MODE : TFTP.BINARY_MODE;
        TFTPRequestPacket library = request.write() ? new TFTPWriteRequestPacket(UNUSED, 0, name, mode)
                : new TFTPReadRequestPacket(UNUSED, 0, name, mode);
        // The constructors take no options, but the options map is live and written by newDatagram().
        request.options().forEach((key, value) -> library.getOptions().put(ascii(key), ascii(value)));
        return library;
    }

    /**
     * Printable ASCII only: commons-net sizes strings by characters but writes them in the platform
     * charset, so anything else would corrupt the packet; and a NUL would end it early.
     */
    static String ascii(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }
}
