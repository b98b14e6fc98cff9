package org.ztpbox.http.routes;

import java.util.Locale;
import java.util.Map;

/**
 * Content-Type by file extension. Phones do not appear to check it (polycom-provisioning.md §4.1);
 * these are what integrators send: XML for {@code .cfg}, octet-stream for firmware.
 */
public final class ContentTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("cfg", "application/xml"),
            Map.entry("xml", "application/xml"),
            Map.entry("ld", "application/octet-stream"),
            Map.entry("log", "text/plain; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("ver", "text/plain; charset=utf-8"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("wav", "audio/wav"),
            Map.entry("crt", "application/x-x509-ca-cert"),
            Map.entry("pem", "application/x-pem-file"));

    private ContentTypes() {
    }

    public static String of(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot < name.lastIndexOf('/')) {
            return "application/octet-stream";
        }
        if (name.endsWith(".cfg")) {
            return "application/xml"; // nearly every request: skip the substring and the map
        }
        return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }
}
