package org.ztpbox.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.dhcp.probe.DhcpProber;
import org.ztpbox.diagnose.Doctor;
import org.ztpbox.diagnose.DoctorReport;
import org.ztpbox.diagnose.Finding;
import org.ztpbox.diagnose.FindingChanges;
import org.ztpbox.diagnose.FindingEvents;
import org.ztpbox.diagnose.OwnServer;
import org.ztpbox.diagnose.Severity;

/**
 * What {@code ztpbox doctor} does, on a timer inside the running appliance (every
 * {@code doctor.probe-interval}, in every DHCP mode): probe, diagnose, and when a finding appears
 * or goes away, log it and store it as an event. A failed run is logged and the next one tries again.
 */
final class PeriodicProbe implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicProbe.class);

    private final DhcpProber prober;
    private final Duration wait;
    private final Doctor doctor;
    private final LeaseStore store;
    private final EventSink sink;
    private final Clock clock;
    private final FindingChanges changes = new FindingChanges();
    private String lastFailure;

    PeriodicProbe(OwnServer own, DhcpProber prober, Duration wait, LeaseStore store, EventSink sink, Clock clock) {
        this.prober = prober;
        this.wait = wait;
        this.doctor = new Doctor(own, clock);
        this.store = store;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public void run() {
        DoctorReport report;
        try {
            DhcpProbeReport probe = prober.probe(wait);
            report = doctor.examine(probe, store.events(null, Doctor.EVENTS_READ));
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the appliance is stopping
            }
            // The same failure every run (port 68 held exclusively, say) is logged once, not every ten minutes.
            if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
                LOG.warn("DHCP probe failed (the next run retries): {}", e.getMessage());
                lastFailure = String.valueOf(e.getMessage());
            }
            return;
        }
        lastFailure = null;
        FindingChanges.Changes changed = changes.update(report.findings());
        List<PhoneEvent> events = new ArrayList<>();
        for (Finding f : changed.appeared()) {
            String line = "Doctor: {} {} {}: {} Fix: {}";
            if (f.severity() == Severity.INFO) {
                LOG.info(line, f.severity(), f.code(), f.subject(), f.summary(), f.fix());
            } else {
                LOG.warn(line, f.severity(), f.code(), f.subject(), f.summary(), f.fix());
            }
            events.add(FindingEvents.appeared(f));
        }
        for (Finding f : changed.resolved()) {
            LOG.info("Doctor: resolved {} {}: {}", f.code(), f.subject(), f.summary());
            events.add(FindingEvents.resolved(f, clock.instant()));
        }
        events.forEach(sink::record);
        LOG.debug("DHCP probe: {} servers answered, {} findings", report.servers().size(), report.findings().size());
    }
}
