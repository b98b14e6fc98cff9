package org.ztpbox.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ztpbox.core.MacAddress;

/**
 * What a Poly phone's User-Agent says about it (polycom-provisioning.md §4.1), for every form seen:
 * <pre>
 * FileTransport PolycomSoundPointIP-SPIP_335-UA/3.2.1.0078                       (SIP 3.x: no Type/)
 * FileTransport PolycomSoundPointIP-SPIP_550-UA/4.0.15.1047 (SN:0004a11a1a1a) Type/Application
 * FileTransport PolycomSoundStationIP-SSIP_6000-UA/5.0.3.1667 Type/Updater
 * FileTransport PolycomVVX-VVX_410-UA/5.9.5.0614 Type/Application
 * FileTransport PolyEdge-Edge_E450-UA/8.0.0.15602 Type/Application                (Edge E, PVOS)
 * Microbrowser/1.1 PolycomSoundPointIP-SPIP_550-UA/4.0.15.1047 Type/Application
 * </pre>
 * The version is the Updater's (or BootROM's) during the boot stage and the application's later.
 * The {@code (SN:...)} tag, present only with {@code device.prov.tagSerialNo="1"}, is the MAC.
 *
 * @param agent       the leading product: {@code FileTransport} or {@code Microbrowser}
 * @param family      {@code SoundPointIP}, {@code VVX}, {@code Edge}, ...
 * @param modelToken  as sent, {@code VVX_410}
 * @param version     firmware version, {@code 5.9.5.0614}
 * @param stage       {@code Updater}, {@code Application}, or null when the UA does not say (SIP 3.x)
 * @param serial      the MAC from the SN tag, or null
 */
public record UserAgent(String agent, String family, String modelToken, String version, String stage,
                        MacAddress serial) {

    private static final Pattern POLY = Pattern.compile(
            "^(?:(\\S+)\\s+)?Poly(?:com)?([A-Za-z0-9]+)-([A-Za-z0-9_]+?)-UA/([0-9][0-9.]*)"
                    + "(?:\\s*\\(SN:\\s*([0-9A-Fa-f:.-]{12,17})\\s*\\))?(?:.*?\\bType/([A-Za-z]+))?");
    private static final int MAX_LENGTH = 512;

    /** Reads a Poly User-Agent; null for anything else (browsers, curl, other phones) or nothing. */
    public static UserAgent parse(String header) {
        if (header == null || header.length() > MAX_LENGTH) {
            return null;
        }
        Matcher m = POLY.matcher(header.trim());
        if (!m.find()) {
            return null;
        }
        MacAddress serial = null;
        if (m.group(5) != null) {
            try {
                serial = MacAddress.parse(m.group(5));
            } catch (IllegalArgumentException e) {
                serial = null; // a garbled tag still leaves model and version worth keeping
            }
        }
        return new UserAgent(m.group(1) == null ? "" : m.group(1), m.group(2), m.group(3), m.group(4), m.group(6),
                serial);
    }

    /** The model as the master config names it: {@code VVX_410} becomes {@code VVX410}. */
    public String model() {
        return modelToken.replace("_", "");
    }

    /** The first number of the version: 3 for SIP 3.x, 4 and up for UC Software, 8 for PVOS. */
    public int majorVersion() {
        int dot = version.indexOf('.');
        String major = dot < 0 ? version : version.substring(0, dot);
        try {
            return Integer.parseInt(major);
        } catch (NumberFormatException e) {
            return -1; // more digits than an int holds: not a version any phone sends
        }
    }

    /** True while the Updater (boot stage) is running rather than the application. */
    public boolean isUpdater() {
        return stage != null && stage.toLowerCase(Locale.ROOT).equals("updater");
    }
}
