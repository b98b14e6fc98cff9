package org.ztpbox.diagnose;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ztpbox.core.DhcpProbeReply;

/**
 * Which DHCP option a phone reads its boot server from ({@code device.dhcp.bootSrvUseOpt},
 * polycom-provisioning.md §1.3 and §1.4). The factory default is not documented for certain: UC
 * Software 4 and later are believed to ship "Custom+Option 66" with option 160 as a string (160,
 * else 66); for the older SIP 2.x/3.x (BootROM) phones this model assumes plain "Option 66".
 */
public enum BootServerSetting {
    /** "Custom+Option 66", custom option 160: option 160 when present, else option 66. */
    OPTION_160_THEN_66("option 160, else option 66 (believed factory default of UC Software 4 and later)"),
    /** "Option 66" ({@code Default}): option 66 only. */
    OPTION_66("option 66 only (assumed factory default of SIP 2.x/3.x phones)");

    private static final Pattern MAJOR = Pattern.compile("(?:^|/)(\\d+)\\.\\d");

    private final String description;

    BootServerSetting(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * The setting assumed for a firmware version as option 60 or the User-Agent gives it
     * ({@code SIP/5.9.5.0614/...}, {@code BR/3.1.0...}, {@code 4.0.15.1047}); unknown versions are
     * taken as current firmware.
     */
    public static BootServerSetting assumedFor(String firmware) {
        if (firmware != null) {
            Matcher m = MAJOR.matcher(firmware);
            if (m.find() && Integer.parseInt(m.group(1)) < 4) {
                return OPTION_66;
            }
        }
        return OPTION_160_THEN_66;
    }

    /** The option this setting takes from an answer: 160 or 66, or null when it finds neither it reads. */
    public Choice choose(DhcpProbeReply answer) {
        if (answer == null) {
            return null;
        }
        if (this == OPTION_160_THEN_66 && present(answer.option160())) {
            return new Choice(160, answer.option160());
        }
        return present(answer.option66()) ? new Choice(66, answer.option66()) : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The option a phone took and its value. */
    public record Choice(int option, String value) {
    }
}
