package org.ztpbox.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.PhoneAdminPassword;

/** Reads the keys of the {@code provisioning} section that generated configuration is rendered from. */
final class RenderingConfigReader {

    static final Set<String> KEYS = Set.of("templates", "admin-password", "registrar", "ntp", "time-zone", "sites");
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]*");

    private RenderingConfigReader() {
    }

    static RenderingConfig read(YamlSection s, List<Ipv4Address> dhcpNtp) {
        RenderingConfig d = RenderingConfig.defaults();
        Path templates = s.value("templates", RenderingConfigReader::directory).orElse(null);
        PhoneAdminPassword password = s.value("admin-password", PhoneAdminPassword::new).orElse(null);
        String registrar = s.string("registrar").map(String::trim).orElse("");
        String ntp = s.string("ntp").map(String::trim)
                .orElse(dhcpNtp.isEmpty() ? "" : dhcpNtp.get(0).toString());
        ZoneId zone = s.value("time-zone", RenderingConfigReader::zone).orElse(d.timeZone());
        Map<String, Map<String, String>> sites = new LinkedHashMap<>();
        YamlSection sitesSection = s.section("sites");
        for (String site : sitesSection.keys()) {
            YamlSection one = sitesSection.section(site);
            Map<String, String> variables = new LinkedHashMap<>();
            for (String key : one.keys()) {
                if (!VARIABLE.matcher(key).matches()) {
                    one.problem(key, "a site variable is named in lower case: letters, digits, '-' and '_'");
                    continue;
                }
                one.value(key, text -> key.equals("time-zone") ? zone(text).getId() : text.trim())
                        .ifPresent(value -> variables.put(key, value));
            }
            one.finish(Set.copyOf(one.keys()));
            sites.put(site, variables);
        }
        sitesSection.finish(Set.copyOf(sitesSection.keys()));
        return new RenderingConfig(templates, password, registrar, ntp, zone, sites);
    }

    private static Path directory(String text) {
        Path dir = Path.of(text.trim());
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such directory: " + dir);
        }
        return dir;
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a time zone: '" + text.trim()
                    + "' (use a tz database name such as Europe/Berlin or America/New_York)");
        }
    }
}
