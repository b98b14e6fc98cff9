package org.ztpbox.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Ipv4Range;
import org.ztpbox.core.Ipv4Subnet;
import org.ztpbox.core.MacAddress;

/** Reads the {@code dhcp} section and checks that its parts agree with each other. */
final class DhcpConfigReader {

    /** Options the server itself manages per reply; an admin value would contradict it. */
    private static final Set<Integer> SERVER_OWNED = Set.of(0, 50, 51, 52, 53, 54, 55, 57, 58, 59, 61, 82, 255);

    private static final Set<String> KEYS = Set.of("mode", "port", "subnet", "pool", "router", "dns", "ntp", "domain",
            "lease-time", "decline-quarantine", "offer-hold", "rate-limit", "send-provisioning-options",
            "reservations", "options", "classes");

    private final Problems problems;

    DhcpConfigReader(Problems problems) {
        this.problems = problems;
    }

    DhcpConfig read(YamlSection s, NetworkConfig network) {
        DhcpMode mode = s.value("mode", DhcpMode::parse).orElse(DhcpMode.WATCH);
        int port = s.integer("port", 1, 65535).orElse(67);
        Ipv4Subnet subnet = s.value("subnet", Ipv4Subnet::parse).orElse(null);
        List<Ipv4Range> pool = s.list("pool", Ipv4Range::parse);
        Ipv4Address router = s.value("router", Ipv4Address::parse).orElse(null);
        List<Ipv4Address> dns = s.list("dns", Ipv4Address::parse);
        List<Ipv4Address> ntp = s.list("ntp", Ipv4Address::parse);
        String domain = s.string("domain").orElse(null);
        Duration leaseTime = s.duration("lease-time", Duration.ofSeconds(10)).orElse(Duration.ofHours(1));
        Duration quarantine = s.duration("decline-quarantine", Duration.ZERO).orElse(Duration.ofHours(1));
        Duration offerHold = s.duration("offer-hold", Duration.ofSeconds(1)).orElse(Duration.ofSeconds(30));
        int rateLimit = s.integer("rate-limit", 1, 100_000_000).orElse(10);
        boolean toAll = s.value("send-provisioning-options", text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "phones" -> false;
            case "always" -> true;
            default -> throw new IllegalArgumentException("expected phones or always, found '" + text + "'");
        }).orElse(false);
        List<Reservation> reservations = reservations(s);
        List<OptionSetting> options = options(s, "options");
        List<ClientClassConfig> classes = classes(s);
        s.finish(KEYS);

        if (mode != DhcpMode.WATCH) {
            if (subnet == null && !s.has("subnet")) {
                problems.add(s.key("subnet"), s.lineOf("mode"), "required when dhcp.mode is " + mode.configName());
            }
            if (pool.isEmpty() && !s.has("pool") && classes.stream().allMatch(c -> c.pool().isEmpty())
                    && reservations.isEmpty()) {
                problems.add(s.key("pool"), s.lineOf("mode"), "required when dhcp.mode is " + mode.configName()
                        + " (or give reservations or class pools)");
            }
        }
        if (subnet != null) {
            checkInside(s, subnet, pool, classes, reservations, router, network);
        }
        checkNoOverlap(s, pool, classes);
        return new DhcpConfig(mode, port, subnet, pool, router, dns, ntp, domain, leaseTime, quarantine, offerHold,
                rateLimit, toAll, reservations, options, withBuiltInClasses(classes));
    }

    private static List<ClientClassConfig> withBuiltInClasses(List<ClientClassConfig> classes) {
        if (classes.stream().anyMatch(c -> c.name().equals("polycom"))) {
            return classes;
        }
        List<ClientClassConfig> all = new ArrayList<>(classes);
        all.add(ClientClassConfig.builtInPolycom());
        return all;
    }

    private void checkInside(YamlSection s, Ipv4Subnet subnet, List<Ipv4Range> pool, List<ClientClassConfig> classes,
                             List<Reservation> reservations, Ipv4Address router, NetworkConfig network) {
        for (Ipv4Range range : pool) {
            checkRange(s.key("pool"), s.lineOf("pool"), subnet, range);
        }
        List<YamlSection> classSections = s.sections("classes");
        for (int i = 0; i < classes.size() && i < classSections.size(); i++) {
            for (Ipv4Range range : classes.get(i).pool()) {
                checkRange(classSections.get(i).key("pool"), classSections.get(i).lineOf("pool"), subnet, range);
            }
        }
        List<YamlSection> reservationSections = s.sections("reservations");
        for (int i = 0; i < reservations.size() && i < reservationSections.size(); i++) {
            Reservation r = reservations.get(i);
            if (!subnet.isHostAddress(r.address())) {
                problems.add(reservationSections.get(i).key("address"), reservationSections.get(i).lineOf("address"),
                        r.address() + " is not a host address of dhcp.subnet " + subnet);
            }
            if (r.address().equals(network.address())) {
                problems.add(reservationSections.get(i).key("address"), reservationSections.get(i).lineOf("address"),
                        r.address() + " is the appliance's own address (network.address)");
            }
        }
        if (router != null && !subnet.contains(router)) {
            problems.add(s.key("router"), s.lineOf("router"), router + " is outside dhcp.subnet " + subnet);
        }
    }

    private void checkRange(String key, int line, Ipv4Subnet subnet, Ipv4Range range) {
        if (!subnet.isHostAddress(range.first()) || !subnet.isHostAddress(range.last())) {
            problems.add(key, line, range + " is outside dhcp.subnet " + subnet
                    + " (or includes its network or broadcast address)");
        }
    }

    private void checkNoOverlap(YamlSection s, List<Ipv4Range> pool, List<ClientClassConfig> classes) {
        List<Map.Entry<String, Ipv4Range>> all = new ArrayList<>();
        pool.forEach(r -> all.add(Map.entry("dhcp.pool", r)));
        classes.forEach(c -> c.pool().forEach(r -> all.add(Map.entry("class " + c.name(), r))));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).getValue().overlaps(all.get(j).getValue())) {
                    problems.add(s.key("pool"), s.lineOf("pool"), all.get(i).getKey() + " " + all.get(i).getValue()
                            + " overlaps " + all.get(j).getKey() + " " + all.get(j).getValue());
                }
            }
        }
    }

    private List<Reservation> reservations(YamlSection s) {
        List<Reservation> out = new ArrayList<>();
        Map<MacAddress, Integer> macLines = new HashMap<>();
        Map<Ipv4Address, Integer> addressLines = new HashMap<>();
        for (YamlSection r : s.sections("reservations")) {
            var mac = r.value("mac", MacAddress::parse);
            var address = r.value("address", Ipv4Address::parse);
            String hostname = r.string("hostname").orElse(null);
            r.finish(Set.of("mac", "address", "hostname"));
            if (!r.has("mac")) {
                problems.add(r.key("mac"), r.line(), "required in a reservation");
            }
            if (!r.has("address")) {
                problems.add(r.key("address"), r.line(), "required in a reservation");
            }
            if (mac.isEmpty() || address.isEmpty()) {
                continue;
            }
            Integer earlierMac = macLines.putIfAbsent(mac.get(), r.lineOf("mac"));
            if (earlierMac != null) {
                problems.add(r.key("mac"), r.lineOf("mac"), "overlapping reservation: " + mac.get()
                        + " is already reserved on line " + earlierMac);
            }
            Integer earlierAddress = addressLines.putIfAbsent(address.get(), r.lineOf("address"));
            if (earlierAddress != null) {
                problems.add(r.key("address"), r.lineOf("address"), "overlapping reservation: " + address.get()
                        + " is already reserved on line " + earlierAddress);
            }
            out.add(new Reservation(mac.get(), address.get(), hostname));
        }
        return out;
    }

    private List<OptionSetting> options(YamlSection parent, String name) {
        List<OptionSetting> out = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        for (YamlSection o : parent.sections(name)) {
            var code = o.integer("code", 1, 254);
            var type = o.value("type", OptionType::parse);
            List<String> values = o.list("value", text -> text);
            boolean always = o.bool("always-send").orElse(false);
            o.finish(Set.of("code", "type", "value", "always-send"));
            if (code.isEmpty() || type.isEmpty()) {
                if (!o.has("code")) {
                    problems.add(o.key("code"), o.line(), "required in an option");
                }
                if (!o.has("type")) {
                    problems.add(o.key("type"), o.line(), "required in an option");
                }
                continue;
            }
            if (SERVER_OWNED.contains(code.get())) {
                problems.add(o.key("code"), o.lineOf("code"), "option " + code.get()
                        + " is set by the server itself and cannot be configured");
                continue;
            }
            Integer earlier = seen.putIfAbsent(code.get(), o.lineOf("code"));
            if (earlier != null) {
                problems.add(o.key("code"), o.lineOf("code"), "option " + code.get() + " is already given on line "
                        + earlier);
            }
            if (values.isEmpty()) {
                problems.add(o.key("value"), o.line(), "required in an option");
                continue;
            }
            o.convert(o.key("value"), o.lineOf("value"), "", ignored -> type.get().encode(values))
                    .ifPresent(bytes -> out.add(new OptionSetting(code.get(), type.get(), bytes, always,
                            String.join(", ", values))));
        }
        return out;
    }

    private List<ClientClassConfig> classes(YamlSection s) {
        List<ClientClassConfig> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (YamlSection c : s.sections("classes")) {
            String name = c.string("name").orElse(null);
            boolean phone = c.bool("phone").orElse(false);
            YamlSection match = c.section("match");
            List<String> vendor = match.list("vendor-class", text -> text);
            List<Integer> ouis = match.list("oui", DhcpConfigReader::parseOui);
            List<MacAddress> macs = match.list("mac", MacAddress::parse);
            match.finish(Set.of("vendor-class", "oui", "mac"));
            List<Ipv4Range> pool = c.list("pool", Ipv4Range::parse);
            List<OptionSetting> options = options(c, "options");
            c.finish(Set.of("name", "phone", "match", "pool", "options"));
            if (name == null) {
                problems.add(c.key("name"), c.line(), "required in a class");
                continue;
            }
            Integer earlier = names.putIfAbsent(name, c.lineOf("name"));
            if (earlier != null) {
                problems.add(c.key("name"), c.lineOf("name"), "class '" + name + "' is already defined on line "
                        + earlier);
            }
            if (vendor.isEmpty() && ouis.isEmpty() && macs.isEmpty()) {
                problems.add(c.key("match"), c.lineOf("match"), "a class needs at least one of vendor-class, oui, mac");
            }
            out.add(new ClientClassConfig(name, phone, vendor, ouis, macs, pool, options));
        }
        return out;
    }

    static int parseOui(String text) {
        String digits = text.replaceAll("[:.-]", "").trim();
        if (digits.length() != 6) {
            throw new IllegalArgumentException("expected an OUI such as 00:04:f2, found '" + text + "'");
        }
        try {
            return Integer.parseInt(digits, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an OUI such as 00:04:f2, found '" + text + "'");
        }
    }
}
