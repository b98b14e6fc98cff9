package org.ztpbox.app;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.ExpectedConfiguration;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.diagnose.Finding;
import org.ztpbox.diagnose.FindingsLog;
import org.ztpbox.diagnose.ResetDetector;
import org.ztpbox.diagnose.ReversionChecks;
import org.ztpbox.diagnose.StaleOverrides;
import org.ztpbox.diagnose.Timeline;
import org.ztpbox.provisioning.ActiveQuarantines;
import org.ztpbox.provisioning.CleanBoot;
import org.ztpbox.provisioning.OverrideFiles;
import org.ztpbox.provisioning.QuarantineService;
import org.ztpbox.provisioning.QuarantineSupervisor;
import org.ztpbox.provisioning.QuarantinedOverridesCatalog;
import org.ztpbox.provisioning.UploadDirectory;

/**
 * Wires the reversion side of the running appliance: quarantined overrides served empty (a
 * decorator around the catalog), quarantines released when their phone boots clean, and findings
 * about overrides and resets in the log (an event sink in front of the journal).
 */
final class ReversionAssembly {

    private static final Logger LOG = LoggerFactory.getLogger(ReversionAssembly.class);
    /** How soon a quarantine made by {@code ztpbox prepare-reset} in another process takes effect. */
    private static final long REFRESH_SECONDS = 2;
    private static final long CHECK_SECONDS = 30;

    private final ActiveQuarantines active = new ActiveQuarantines();
    private final QuarantineSupervisor supervisor;
    private final FindingsLog findingsLog;

    /**
     * @param store    the events, read for clean boots and findings
     * @param journal  where events are written
     * @param expected what ztpbox means each phone to run
     */
    ReversionAssembly(ZtpboxConfig config, LeaseStore store, QuarantineStore quarantines, EventSink journal,
            UploadDirectory uploads, ExpectedConfiguration expected, Ipv4Address own, Clock clock) {
        OverrideFiles overrides = new OverrideFiles(uploads);
        QuarantineService service = new QuarantineService(config.stateDir(), overrides, quarantines, clock);
        this.supervisor = new QuarantineSupervisor(quarantines, active, service, overrides, store, journal,
                CleanBoot.DEFAULT_GRACE, clock);
        StaleOverrides stale = new StaleOverrides(overrides, expected, active::of, clock);
        ReversionChecks checks = new ReversionChecks(config.stateDir(), overrides, stale, quarantines, store,
                new ResetDetector(ResetDetector.DEFAULT_ABSENCE, new Timeline(own)), clock);
        this.findingsLog = new FindingsLog(journal, checks::forPhone);
        supervisor.refresh();
    }

    /** The event sink the file and DHCP servers report to. */
    EventSink events() {
        return findingsLog;
    }

    /** The catalog to serve: quarantined overrides replaced by empty ones. */
    FileCatalog wrap(FileCatalog catalog) {
        return new QuarantinedOverridesCatalog(catalog, active);
    }

    /** @param resets told of every phone found back from a factory reset, with when it came back */
    void schedule(ScheduledExecutorService maintenance, BiConsumer<MacAddress, Instant> resets) {
        maintenance.scheduleWithFixedDelay(() -> guarded("quarantine refresh", supervisor::refresh),
                REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
        maintenance.scheduleWithFixedDelay(() -> guarded("clean-boot check", () -> {
            for (String line : supervisor.releaseCleanBoots()) {
                LOG.info(line);
            }
        }), CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
        maintenance.scheduleWithFixedDelay(() -> guarded("findings", () -> {
            for (Finding f : findingsLog.run()) {
                ResetDetector.returnedAt(f).ifPresent(at -> resets.accept(MacAddress.parse(f.subject()), at));
            }
        }), CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    private interface Task {
        void run() throws Exception;
    }

    /** A failing periodic task must not cancel its schedule (a scheduled executor drops it on an exception). */
    private static void guarded(String what, Task task) {
        try {
            task.run();
        } catch (Exception e) {
            LOG.warn("{} failed: {}", what, e.toString());
        }
    }
}
