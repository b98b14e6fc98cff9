package org.ztpbox.tftp;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ztpbox.core.MacAddress;

/**
 * A read (RRQ) or write (WRQ) request, RFC 1350 §5, with the options of RFC 2347 §2.
 *
 * @param filename as received, not yet checked (bytes read as ISO-8859-1 characters)
 * @param options  option names lower-cased (RFC 2347: names are case-insensitive), values as sent
 */
public record TftpRequest(boolean write, String filename, TftpMode mode, Map<String, String> options)
        implements TftpPacket {

    /** Twelve hex digits standing alone: {@code 0004f2aa814c.cfg}, {@code logs/0004F2AA814C-app.log}. */
    private static final Pattern MAC_IN_NAME = Pattern.compile("(?<![0-9a-fA-F])([0-9a-fA-F]{12})(?![0-9a-fA-F])");

    public TftpRequest {
        options = Map.copyOf(options);
    }

    public static TftpRequest read(String filename, TftpMode mode, Map<String, String> options) {
        return new TftpRequest(false, filename, mode, options);
    }

    public static TftpRequest write(String filename, TftpMode mode, Map<String, String> options) {
        return new TftpRequest(true, filename, mode, options);
    }

    @Override
    public int opcode() {
        return write ? WRQ : RRQ;
    }

    /**
     * The phone a file name belongs to ({@code <mac>.cfg}, {@code <mac>-app.log}); empty for shared
     * files and for the all-zero MAC of the master config {@code 000000000000.cfg}.
     */
    public Optional<MacAddress> phoneMac() {
        Matcher m = MAC_IN_NAME.matcher(filename);
        while (m.find()) {
            MacAddress mac = MacAddress.parse(m.group(1));
            if (mac.value() != 0) {
                return Optional.of(mac);
            }
        }
        return Optional.empty();
    }

    /** RRQ or WRQ, as logs and events name it. */
    public String kind() {
        return write ? "WRQ" : "RRQ";
    }
}
