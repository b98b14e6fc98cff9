package org.ztpbox.diagnose;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A boot-server address as phones read it from option 66 or 160 or their Setup menu
 * (polycom-provisioning.md §2): a bare host or IP, or a URL with scheme, optional
 * {@code user:password@}, optional port and path. A path ending in a file name ending {@code .cfg}
 * names the master configuration file explicitly; the rest is the directory the phone asks in.
 *
 * <p>{@link #toString()} masks the password; {@link #raw()} is the value as given.
 *
 * @param scheme     lower case, or null when the value has none (the phone then uses its
 *                   configured server type, FTP from the factory)
 * @param host       lower case; null when the value is not an address at all
 * @param port       -1 when not given
 * @param directory  the path without the master file, always ending in {@code /}
 * @param masterFile the explicit master file name, or null
 */
public record ProvisioningAddress(String raw, String scheme, String user, boolean hasPassword, String host, int port,
                                  String directory, String masterFile) {

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://(.*)$", Pattern.DOTALL);
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9._-]+$");

    public static ProvisioningAddress parse(String value) {
        String text = value == null ? "" : value.strip();
        String scheme = null;
        Matcher m = SCHEME.matcher(text);
        if (m.matches()) {
            scheme = m.group(1).toLowerCase(Locale.ROOT);
            text = m.group(2);
        }
        int slash = text.indexOf('/');
        String authority = slash < 0 ? text : text.substring(0, slash);
        String path = slash < 0 ? "/" : text.substring(slash);
        String user = null;
        boolean password = false;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            password = colon >= 0;
            authority = authority.substring(at + 1);
        }
        String host = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            port = parsePort(authority.substring(colon + 1));
        }
        if (!HOST.matcher(host).matches()) {
            host = null;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        String masterFile = null;
        String directory = path;
        if (last.length() >= 5 && last.toLowerCase(Locale.ROOT).endsWith(".cfg")) {
            masterFile = last;
            directory = path.substring(0, path.length() - last.length());
        }
        if (!directory.endsWith("/")) {
            directory = directory + "/";
        }
        return new ProvisioningAddress(value == null ? "" : value, scheme, user, password,
                host == null ? null : host.toLowerCase(Locale.ROOT), port, directory, masterFile);
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port < 65536 ? port : -2;
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    /** False when the value names no host a phone could reach (empty, spaces, a broken port). */
    public boolean usable() {
        return host != null && port != -2;
    }

    /** The port a phone connects to: the given one, else the scheme's; -1 when unknown (no scheme). */
    public int effectivePort() {
        if (port > 0) {
            return port;
        }
        return scheme == null ? -1 : switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            case "tftp" -> 69;
            case "ftp" -> 21;
            default -> -1;
        };
    }

    /** The value with any password masked, as every output shows it. */
    @Override
    public String toString() {
        return Secrets.mask(raw.strip());
    }
}
