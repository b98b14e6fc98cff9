package org.ztpbox.http.routes;

import java.net.URI;

/**
 * The path under which HTTP serves the catalog: the path of the provisioning URL that DHCP hands
 * out (DESIGN.md, Interfaces), so that a phone told {@code http://10.0.0.2/prov/} finds
 * {@code /prov/000000000000.cfg}. A URL naming a master file ({@code .../site.cfg},
 * polycom-provisioning.md §2) serves its directory.
 */
public final class ServedPath {

    private ServedPath() {
    }

    /** The prefix, starting and ending with '/'. */
    public static String of(String provisioningUrl) {
        String path = URI.create(provisioningUrl).getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        if (!path.endsWith("/")) {
            path = path.substring(0, path.lastIndexOf('/') + 1);
        }
        String decoded = RequestTarget.percentDecode(path);
        return decoded == null ? path : decoded;
    }
}
