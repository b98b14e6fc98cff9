package org.ztpbox.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ztpbox.core.PhoneAdminPassword;

/**
 * What the generated phone configuration is rendered from, besides the inventory: keys of the
 * {@code provisioning} section.
 *
 * @param templates     {@code provisioning.templates}; null means {@code /etc/ztpbox/templates} when that
 *                      directory exists, else the templates embedded in the jar
 * @param adminPassword {@code provisioning.admin-password}; null means the one generated at first start
 * @param registrar     {@code provisioning.registrar}: the SIP registrar of phones whose row and site name none
 * @param ntp           {@code provisioning.ntp}: the phones' time server; empty means the first of
 *                      {@code dhcp.ntp}, and with none the phones keep what DHCP tells them
 * @param timeZone      {@code provisioning.time-zone}, default the machine's
 * @param sites         {@code provisioning.sites}: per site name, its variables ({@code ${site.<key>}});
 *                      {@code registrar}, {@code ntp} and {@code time-zone} there replace the appliance's
 */
public record RenderingConfig(Path templates, PhoneAdminPassword adminPassword, String registrar, String ntp,
                              ZoneId timeZone, Map<String, Map<String, String>> sites) {

    public RenderingConfig {
        registrar = Objects.requireNonNullElse(registrar, "");
        ntp = Objects.requireNonNullElse(ntp, "");
        Objects.requireNonNull(timeZone, "timeZone");
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        sites.forEach((name, variables) -> copy.put(name, Map.copyOf(variables)));
        sites = java.util.Collections.unmodifiableMap(copy);
    }

    public static RenderingConfig defaults() {
        return new RenderingConfig(null, null, "", "", ZoneId.systemDefault(), Map.of());
    }
}
