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
        for (String component : name.split("/")) {
            if (component.length() >= 12 && isHex(component, 12)
                    && (component.length() == 12 || ".-_".indexOf(component.charAt(12)) >= 0)) {
                String mac = component.substring(0, 12);
                if (!mac.equals("000000000000")) {
                    return MacAddress.parse(mac);
                }
            }
        }
        return null;
    }

    private static boolean isHex(String text, int count) {
        for (int i = 0; i < count; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
