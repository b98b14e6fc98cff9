package org.ztpbox.provisioning;

import java.net.URI;
import org.ztpbox.core.BootDirectives;
import org.ztpbox.core.Ipv4Address;

/**
 * Decides what DHCP tells phones about provisioning. Options 66 and 160 carry the same full URL,
 * scheme included: phones without a scheme fall back to their configured server type (FTP from the
 * factory), and a phone reading either option must land on the same server
 * (polycom-provisioning.md §1.4 and §2).
 */
public final class BootDirectivesService {

    private final BootDirectives directives;

    /**
     * @param configuredUrl {@code provisioning.url}, or null to derive {@code http://address[:port]/prov/}
     */
    public BootDirectivesService(URI configuredUrl, Ipv4Address applianceAddress, int httpPort) {
        String url = configuredUrl != null ? configuredUrl.toString() : defaultUrl(applianceAddress, httpPort);
        this.directives = new BootDirectives(url, url);
    }

    public static String defaultUrl(Ipv4Address applianceAddress, int httpPort) {
        return "http://" + applianceAddress + (httpPort == 80 ? "" : ":" + httpPort) + "/prov/";
    }

    public BootDirectives directives() {
        return directives;
    }
}
