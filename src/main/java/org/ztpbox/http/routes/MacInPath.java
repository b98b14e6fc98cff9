package org.ztpbox.http.routes;

import org.ztpbox.core.MacAddress;

/**
 * The phone a requested file belongs to: a path component that is a MAC, or starts with one
 * followed by {@code .}, {@code -} or {@code _} ({@code 0004f2aa814c.cfg},
 * {@code 0004f2aa814c-phone.cfg}, {@code logs/0004f2aa814c-app.log}, {@code 0004f2aa814c/...}).
 * {@code 000000000000} is the shared master file, nobody's (polycom-provisioning.md §4.1).
 */
public final class MacInPath {

    private MacInPath() {
    }

    /** The MAC the name is bound to, or null for a shared file. */
    public static MacAddress of(String name) {
        for (int start = 0; start < name.length(); ) {
            int end = name.indexOf('/', start);
            end = end < 0 ? name.length() : end;
            if (end - start >= 12 && isHex(name, start, 12)
                    && (end - start == 12 || ".-_".indexOf(name.charAt(start + 12)) >= 0)) {
                String mac = name.substring(start, start + 12);
                if (!mac.equals("000000000000")) {
                    return MacAddress.parse(mac);
                }
            }
            start = end + 1;
        }
        return null;
    }

    private static boolean isHex(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
