package org.ztpbox.provisioning.catalog;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.ztpbox.core.Phone;
import org.ztpbox.core.PhoneAdminPassword;
import org.ztpbox.provisioning.template.RenderException;
import org.ztpbox.provisioning.template.TemplateKeys;
import org.ztpbox.provisioning.template.TimeZoneVariables;
import org.ztpbox.provisioning.template.Variables;

/**
 * The variables each kind of generated file is rendered with (README, "Templates"):
 * {@code appliance.*} everywhere; {@code site.*} in site files and per-phone files (the phone's
 * site; without one, the appliance's values); {@code model.name} in model and per-phone files;
 * {@code phone.*} only in per-phone files. Registrar, NTP server and time zone fall back from the
 * phone to its site to the appliance.
 */
public final class VariableSets {

    /** The inventory column that gives one phone its own admin password (any spelling: "Admin Password"). */
    public static final String ADMIN_PASSWORD_COLUMN = "admin-password";

    private final ApplianceFacts facts;
    private final Clock clock;

    public VariableSets(ApplianceFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    public Variables appliance() {
        Variables.Builder b = Variables.builder();
        b.put("appliance.address", facts.address());
        b.put("appliance.url", facts.url());
        registrar(b, "appliance.", facts.rendering().registrar());
        ntp(b, "appliance.", facts.rendering().ntp());
        TimeZoneVariables.put(b, "appliance.", facts.rendering().timeZone(), clock.instant());
        b.putSecret("appliance.admin-password", facts.adminPassword().value());
        return b.build();
    }

    /** @param site the site's name as written in the inventory or the config; empty for none */
    public Variables site(String site) {
        Map<String, String> own = siteConfig(site);
        Variables.Builder b = Variables.builder().putAll(appliance());
        own.forEach((key, value) -> b.put("site." + key, value));
        b.put("site.name", site);
        registrar(b, "site.", own.getOrDefault("registrar", facts.rendering().registrar()));
        ntp(b, "site.", own.getOrDefault("ntp", facts.rendering().ntp()));
        ZoneId zone = own.containsKey("time-zone") ? ZoneId.of(own.get("time-zone")) : facts.rendering().timeZone();
        TimeZoneVariables.put(b, "site.", zone, clock.instant());
        return b.build();
    }

    public Variables model(String modelKey) {
        return Variables.builder().putAll(appliance()).put("model.name", modelKey).build();
    }

    /**
     * @throws RenderException when the row's own admin password breaks the phones' rules
     */
    public Variables phone(Phone phone) throws RenderException {
        Variables site = site(phone.site());
        Variables.Builder b = Variables.builder().putAll(site).put("model.name", TemplateKeys.model(phone.model()));
        // Extra columns first: the named fields below win over a column that happens to share a name.
        phone.extra().forEach((column, value) -> {
            String key = "phone." + TemplateKeys.slug(column);
            if (isSecret(key)) {
                b.putSecret(key, value);
            } else {
                b.put(key, value);
            }
        });
        b.put("phone.mac", phone.mac().compact());
        b.put("phone.model", phone.model());
        b.put("phone.extension", phone.extension());
        b.put("phone.display-name", phone.displayName());
        b.put("phone.sip-user", phone.sipUser().isEmpty() ? phone.extension() : phone.sipUser());
        b.putSecret("phone.sip-password", phone.sipPassword());
        b.put("phone.auth-domain", phone.authDomain());
        b.put("phone.site", phone.site());
        if (!phone.registrar().isEmpty()) {
            registrar(b, "phone.", phone.registrar());
        } else {
            b.put("phone.registrar", site.get("site.registrar").text());
            b.put("phone.registrar-port", site.get("site.registrar-port").text());
        }
        b.putSecret("phone.admin-password", adminPassword(phone));
        return b.build();
    }

    private String adminPassword(Phone phone) throws RenderException {
        for (Map.Entry<String, String> column : phone.extra().entrySet()) {
            if (TemplateKeys.slug(column.getKey()).equals(ADMIN_PASSWORD_COLUMN) && !column.getValue().isBlank()) {
                String problem = PhoneAdminPassword.problem(column.getValue());
                if (problem != null) {
                    throw RenderException.of("inventory row of " + phone.mac(), 0, "phone." + ADMIN_PASSWORD_COLUMN,
                            "column '" + column.getKey() + "': " + problem);
                }
                return column.getValue();
            }
        }
        return facts.adminPassword().value();
    }

    private Map<String, String> siteConfig(String site) {
        Map<String, String> exact = facts.rendering().sites().get(site);
        if (exact != null || site.isEmpty()) {
            return exact == null ? Map.of() : exact;
        }
        String slug = TemplateKeys.site(site);
        for (Map.Entry<String, Map<String, String>> entry : facts.rendering().sites().entrySet()) {
            if (TemplateKeys.site(entry.getKey()).equals(slug)) {
                return entry.getValue();
            }
        }
        return Map.of();
    }

    /** The registrar as {@code host} and {@code port} ("0": the phone's default, or DNS SRV). */
    private static void registrar(Variables.Builder b, String prefix, String registrar) {
        int colon = registrar.lastIndexOf(':');
        boolean hasPort = colon > 0 && registrar.indexOf(':') == colon && colon < registrar.length() - 1
                && registrar.substring(colon + 1).chars().allMatch(Character::isDigit);
        b.put(prefix + "registrar", hasPort ? registrar.substring(0, colon) : registrar);
        b.put(prefix + "registrar-port", hasPort ? registrar.substring(colon + 1) : "0");
    }

    /**
     * The phones' NTP server; without one they keep the server DHCP gave them
     * ({@code tcpIpApp.sntp.address.overrideDHCP} 0).
     */
    private static void ntp(Variables.Builder b, String prefix, String ntp) {
        b.put(prefix + "ntp", ntp);
        b.put(prefix + "ntp-override-dhcp", ntp.isEmpty() ? "0" : "1");
    }

    private static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret");
    }
}
