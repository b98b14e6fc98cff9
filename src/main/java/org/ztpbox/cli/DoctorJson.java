package org.ztpbox.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztpbox.core.DhcpProbeReply;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.diagnose.AddressMatch;
import org.ztpbox.diagnose.BootPrediction;
import org.ztpbox.diagnose.DhcpServerView;
import org.ztpbox.diagnose.DoctorReport;
import org.ztpbox.diagnose.Finding;
import org.ztpbox.diagnose.Secrets;
import org.ztpbox.diagnose.VendorSpecific;

/** {@code ztpbox doctor --json}: the whole report as data; every boot-server value masked. */
final class DoctorJson {

    private DoctorJson() {
    }

    static String of(DoctorReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> self = new LinkedHashMap<>();
        self.put("interface", r.own().interfaceName());
        self.put("address", r.own().address().toString());
        self.put("provisioning_url", r.own().maskedUrl());
        self.put("dhcp_mode", r.own().mode().configName());
        out.put("ztpbox", self);
        out.put("probe", r.probe() == null ? null : probe(r.probe()));
        out.put("servers", r.servers().stream().map(DoctorJson::server).toList());
        out.put("predictions", r.predictions().stream().map(DoctorJson::prediction).toList());
        out.put("findings", r.findings().stream().map(DoctorJson::finding).toList());
        out.put("stale_source_found", r.staleSourceFound());
        return Json.write(out);
    }

    private static Map<String, Object> probe(DhcpProbeReport p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interface", p.interfaceName());
        m.put("mac", p.probeMac().toString());
        m.put("inform_address", p.clientAddress() == null ? null : p.clientAddress().toString());
        m.put("phone_model", p.phoneModel());
        m.put("phone_firmware", p.phoneFirmware());
        m.put("started", p.startedAt().toString());
        m.put("window_ms", p.window().toMillis());
        m.put("sent", p.sent());
        m.put("notes", p.notes());
        return m;
    }

    private static Map<String, Object> server(DhcpServerView s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("server", s.server().toString());
        m.put("mac", s.mac() == null ? null : s.mac().toString());
        m.put("role", s.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        m.put("provisioning_only_to_phones", s.provisioningOnlyToPhones());
        m.put("provisioning", s.provisioning().stream().map(DoctorJson::match).toList());
        m.put("answers", s.replies().stream().map(DoctorJson::answer).toList());
        return m;
    }

    private static Map<String, Object> match(AddressMatch a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", a.address().toString());
        m.put("verdict", a.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        m.put("differences", a.differences());
        return m;
    }

    private static Map<String, Object> answer(DhcpProbeReply a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("persona", a.persona().label());
        m.put("asked", a.asked());
        m.put("type", a.type());
        m.put("from", a.from().toString());
        m.put("server_id", a.serverId() == null ? null : a.serverId().toString());
        m.put("mac", a.serverMac() == null ? null : a.serverMac().toString());
        m.put("offered", a.offered() == null ? null : a.offered().toString());
        m.put("lease_seconds", a.leaseTime() == null ? null : a.leaseTime().getSeconds());
        m.put("option_160", Secrets.mask(a.option160()));
        m.put("option_66", Secrets.mask(a.option66()));
        m.put("option_43", VendorSpecific.shown(a.option43()));
        m.put("delay_ms", a.delay().toMillis());
        return m;
    }

    private static Map<String, Object> prediction(BootPrediction p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phone", p.phone());
        m.put("setting", p.setting().description());
        m.put("race", p.race());
        m.put("summary", p.summary());
        m.put("outcomes", p.outcomes().stream().map(o -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("lease_from", o.leaseFrom());
            e.put("address", o.address());
            e.put("verdict", o.verdict() == null ? null
                    : o.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            e.put("why", o.why());
            return e;
        }).toList());
        m.put("caveats", p.caveats());
        return m;
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code());
        m.put("severity", f.severity().name());
        m.put("subject", f.subject());
        m.put("summary", f.summary());
        m.put("evidence", List.copyOf(f.evidence()));
        m.put("fix", f.fix());
        m.put("at", f.at().toString());
        return m;
    }
}
