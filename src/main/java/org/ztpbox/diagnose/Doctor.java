package org.ztpbox.diagnose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;

/**
 * Diagnoses why phones may not be provisioned by ztpbox: classifies the DHCP servers the probe
 * heard, predicts where phones will go, and applies the passive rules to the stored events.
 * Changes nothing; the same for {@code ztpbox doctor} and the appliance's periodic probe.
 */
public final class Doctor {

    /** How many of the newest stored events the passive rules read. */
    public static final int EVENTS_READ = 20_000;
    /** A phone gets this long from its lease to its first fetch before "fetched nothing" counts. */
    static final Duration FETCH_GRACE = Duration.ofMinutes(2);

    private final OwnServer own;
    private final Clock clock;

    public Doctor(OwnServer own, Clock clock) {
        this.own = own;
        this.clock = clock;
    }

    /**
     * @param probe  the probe's report, or null when none ran
     * @param events stored events in time order (any source), for the passive rules
     */
    public DoctorReport examine(DhcpProbeReport probe, List<PhoneEvent> events) {
        Instant now = clock.instant();
        List<DhcpServerView> servers = probe == null ? List.of() : DhcpServerView.from(probe, own);
        List<Finding> findings = new ArrayList<>();
        if (probe != null) {
            findings.addAll(new ProbeFindings(own).of(probe, servers, now));
        }
        Map<String, DhcpServerView> byAddress = new LinkedHashMap<>();
        servers.forEach(s -> byAddress.put(s.server().toString(), s));
        findings.addAll(new PassiveRules(own, FETCH_GRACE).of(events, byAddress, now));
        findings.sort(DoctorReport.ORDER);
        List<BootPrediction> predictions = probe == null ? List.of() : predictions(probe, servers, events);
        return new DoctorReport(own, probe, servers, predictions, findings);
    }

    /**
     * One prediction for a factory-reset phone like the probe's persona, and one per other boot
     * server setting among the phones seen in the events (older firmware reads option 66 only).
     */
    private List<BootPrediction> predictions(DhcpProbeReport probe, List<DhcpServerView> servers,
                                             List<PhoneEvent> events) {
        Map<BootServerSetting, Map<MacAddress, String>> seen = new TreeMap<>();
        for (PhoneEvent e : events) {
            if ("dhcp".equals(e.source()) && e.mac() != null && !DhcpProbeReport.isProbeMac(e.mac())
                    && "true".equals(e.detail("phone")) && e.detail("model") != null) {
                seen.computeIfAbsent(BootServerSetting.assumedFor(e.detail("app_version")), k -> new TreeMap<>())
                        .put(e.mac(), e.detail("model"));
            }
        }
        PrecedenceModel model = new PrecedenceModel(own);
        BootServerSetting personaSetting = BootServerSetting.assumedFor(probe.phoneFirmware());
        List<BootPrediction> out = new ArrayList<>();
        Map<MacAddress, String> alike = seen.getOrDefault(personaSetting, Map.of());
        out.add(model.predict("a factory-reset " + probe.phoneModel() + " on " + version(probe.phoneFirmware())
                + (alike.isEmpty() ? "" : ", like " + some(alike)), personaSetting, servers));
        seen.forEach((setting, phones) -> {
            if (setting != personaSetting) {
                out.add(model.predict("the " + phones.size() + " phone(s) seen with older firmware: " + some(phones),
                        setting, servers));
            }
        });
        return out;
    }

    /** Up to five phones as {@code MAC model}, and how many more. */
    private static String some(Map<MacAddress, String> phones) {
        List<String> some = phones.entrySet().stream().limit(5).map(e -> e.getKey() + " " + e.getValue()).toList();
        return String.join(", ", some) + (phones.size() > 5 ? " and " + (phones.size() - 5) + " more" : "");
    }

    /** {@code SIP/5.9.5.0614/12-Dec-19 08:57} to {@code firmware 5.9.5.0614}. */
    private static String version(String firmware) {
        String[] parts = firmware.split("/");
        return parts.length > 1 ? "firmware " + parts[1] : firmware;
    }
}
