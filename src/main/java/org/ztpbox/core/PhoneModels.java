package org.ztpbox.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Poly phone models ztpbox knows, under one canonical name each: the name the master
 * configuration uses for per-model settings ({@code APPLICATION_VVX410}, {@code APP_FILE_PATH_SPIP550})
 * and the phone's User-Agent model token without its underscore ({@code VVX_410} is {@code VVX410}).
 *
 * <p>Admins, carriers and the phones spell models in many ways ({@code VVX 410}, {@code Polycom
 * Soundpoint IP 550}, {@code SoundPointIP-SPIP_601}); {@link #canonical} reads them all.
 */
public final class PhoneModels {

    /**
     * Firmware part number to model, from polycom-provisioning.md §3.1 ("Firmware part numbers
     * observed", taken from a Polycom/Asterisk tool's test fixtures) and, for the IP 601, from
     * Polycom's option 60 example (SIP 3.1 admin guide, "Parsing Vendor ID Information"). The older
     * SIP-era part numbers listed there without a model are deliberately left out: unknown.
     */
    private static final Map<String, String> BY_PART_NUMBER = Map.ofEntries(
            Map.entry("2345-12200-002", "SPIP320"), Map.entry("2345-12360-001", "SPIP321"),
            Map.entry("2345-12200-001", "SPIP330"), Map.entry("2345-12365-001", "SPIP331"),
            Map.entry("2345-12375-001", "SPIP335"), Map.entry("2345-11402-001", "SPIP430"),
            Map.entry("2345-12450-001", "SPIP450"), Map.entry("2345-12500-001", "SPIP550"),
            Map.entry("2345-12560-001", "SPIP560"), Map.entry("2345-11605-001", "SPIP601"),
            Map.entry("2345-12600-001", "SPIP650"), Map.entry("2345-12670-001", "SPIP670"),
            Map.entry("3111-30900-001", "SSIP5000"), Map.entry("3111-15600-001", "SSIP6000"),
            Map.entry("3111-40000-001", "SSIP7000"), Map.entry("3111-40250-001", "VVX101"),
            Map.entry("3111-48810-001", "VVX150"), Map.entry("3111-40450-001", "VVX201"),
            Map.entry("3111-48820-001", "VVX250"), Map.entry("3111-46135-002", "VVX300"),
            Map.entry("3111-48300-001", "VVX301"), Map.entry("3111-46161-001", "VVX310"),
            Map.entry("3111-48350-001", "VVX311"), Map.entry("3111-48830-001", "VVX350"),
            Map.entry("3111-46157-002", "VVX400"), Map.entry("3111-48400-001", "VVX401"),
            Map.entry("3111-46162-001", "VVX410"), Map.entry("3111-48450-001", "VVX411"),
            Map.entry("3111-48840-001", "VVX450"), Map.entry("3111-44500-001", "VVX500"),
            Map.entry("3111-48500-001", "VVX501"), Map.entry("3111-44600-001", "VVX600"),
            Map.entry("3111-48600-001", "VVX601"), Map.entry("2345-17960-001", "VVX1500"),
            Map.entry("3111-17823-001", "VVXD60"));

    /**
     * Every model named in polycom-provisioning.md (§3.1 part numbers, §6.2 reset key table) and the
     * seed reset guides, canonical spelling.
     */
    private static final Set<String> KNOWN = Set.of(
            "SPIP301", "SPIP320", "SPIP321", "SPIP330", "SPIP331", "SPIP335", "SPIP430", "SPIP450", "SPIP501",
            "SPIP550", "SPIP560", "SPIP600", "SPIP601", "SPIP650", "SPIP670",
            "SSIP4000", "SSIP5000", "SSIP6000", "SSIP7000", "SSDuo",
            "VVX101", "VVX150", "VVX201", "VVX250", "VVX300", "VVX301", "VVX310", "VVX311", "VVX350", "VVX400",
            "VVX401", "VVX410", "VVX411", "VVX450", "VVX500", "VVX501", "VVX600", "VVX601", "VVX1500", "VVXD60",
            "Trio8300", "Trio8500", "Trio8800",
            "EdgeE100", "EdgeE220", "EdgeE300", "EdgeE320", "EdgeE350", "EdgeE400", "EdgeE450", "EdgeE500",
            "EdgeE550");

    /** Family spellings, tried on the upper-case letters and digits of the input, vendor prefix removed. */
    private static final Pattern SOUNDPOINT = Pattern.compile("(?:SOUNDPOINTIP|SOUNDPOINT|SPIP|IP)(\\d{3})");
    private static final Pattern SOUNDSTATION = Pattern.compile("(?:SOUNDSTATIONIP|SOUNDSTATION|SSIP|IP)(\\d{4})");
    private static final Pattern DUO = Pattern.compile("(?:SOUNDSTATIONIP|SOUNDSTATION|SS)DUO");
    private static final Pattern VVX = Pattern.compile("VVX(\\d{3,4}|D\\d{2})");
    private static final Pattern TRIO = Pattern.compile("(?:REALPRESENCE)?TRIO(\\d{4})");
    private static final Pattern EDGE = Pattern.compile("EDGEE?(\\d{3})");

    private PhoneModels() {
    }

    /**
     * The canonical name of a known model however it is spelt: {@code VVX 410}, {@code vvx-410},
     * {@code Polycom VVX410}, {@code Polycom Soundpoint IP 550}, {@code SoundStation IP 6000},
     * {@code VVX-VVX_410} (option 60), {@code Edge_E450} (User-Agent). Empty for anything else.
     */
    public static Optional<String> canonical(String spelling) {
        if (spelling == null || spelling.isBlank() || spelling.length() > 100) {
            return Optional.empty();
        }
        Optional<String> whole = squashed(spelling);
        if (whole.isPresent()) {
            return whole;
        }
        // Option 60 and User-Agent spell "<family>-<model>": the part after the dash names the model.
        int dash = spelling.lastIndexOf('-');
        return dash > 0 ? squashed(spelling.substring(dash + 1)) : Optional.empty();
    }

    private static Optional<String> squashed(String spelling) {
        String s = spelling.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (s.startsWith("POLYCOM")) {
            s = s.substring("POLYCOM".length());
        } else if (s.startsWith("POLY")) {
            s = s.substring("POLY".length());
        }
        String name = null;
        Matcher m;
        if ((m = SOUNDPOINT.matcher(s)).matches()) {
            name = "SPIP" + m.group(1);
        } else if ((m = SOUNDSTATION.matcher(s)).matches()) {
            name = "SSIP" + m.group(1);
        } else if (DUO.matcher(s).matches()) {
            name = "SSDuo";
        } else if ((m = VVX.matcher(s)).matches()) {
            name = "VVX" + m.group(1);
        } else if ((m = TRIO.matcher(s)).matches()) {
            name = "Trio" + m.group(1);
        } else if ((m = EDGE.matcher(s)).matches()) {
            name = "EdgeE" + m.group(1);
        }
        return name != null && KNOWN.contains(name) ? Optional.of(name) : Optional.empty();
    }

    /** True for a canonical model name. */
    public static boolean isKnown(String model) {
        return KNOWN.contains(model);
    }

    /**
     * The model a firmware part number belongs to; accepts the option 60 form with a hardware
     * revision ({@code 3111-46162-001,7}). Empty for a part number not in the table.
     */
    public static Optional<String> forPartNumber(String partNumber) {
        return partNumber == null ? Optional.empty()
                : Optional.ofNullable(BY_PART_NUMBER.get(withoutRevision(partNumber)));
    }

    /** Without the hardware revision option 60 appends: {@code 3111-46162-001,7} is {@code 3111-46162-001}. */
    public static String withoutRevision(String partNumber) {
        int comma = partNumber.indexOf(',');
        return (comma < 0 ? partNumber : partNumber.substring(0, comma)).trim();
    }
}
