package org.ztpbox.core;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file name phones upload (polycom-provisioning.md §3.5): {@code <mac>-phone.cfg},
 * {@code <mac>-web.cfg}, {@code <mac>-app.log}, {@code <mac>-boot.log}, {@code <mac>-directory.xml},
 * {@code <mac>-calls.xml}. Nothing else is ever accepted as an upload.
 *
 * @param suffix the part after the MAC, e.g. {@code -phone.cfg}
 */
public record UploadName(MacAddress mac, String suffix) {

    /** The suffixes of the override files, phone UI changes first, then web UI changes. */
    public static final java.util.List<String> OVERRIDE_SUFFIXES = java.util.List.of("-phone.cfg", "-web.cfg");

    private static final Pattern FORM = Pattern.compile(
            "([0-9a-fA-F]{12})(-phone\\.cfg|-web\\.cfg|-app\\.log|-boot\\.log|-directory\\.xml|-calls\\.xml)");

    /**
     * Reads the last path component of {@code name} (phones upload into directories named in the
     * master config) as an upload name; empty when it is not one.
     */
    public static Optional<UploadName> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        Matcher m = FORM.matcher(base);
        if (!m.matches() || m.group(1).equals("000000000000")) {
            return Optional.empty();
        }
        return Optional.of(new UploadName(MacAddress.parse(m.group(1)), m.group(2).toLowerCase(Locale.ROOT)));
    }

    /** The canonical file name: lower-case MAC, as the phone names its own files. */
    public String fileName() {
        return mac.compact() + suffix;
    }

    /** True for the override files that beat every provisioned setting after a reset. */
    public boolean isOverride() {
        return OVERRIDE_SUFFIXES.contains(suffix);
    }
}
