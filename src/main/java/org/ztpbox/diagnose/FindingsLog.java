package org.ztpbox.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.provisioning.FileAccess;

/**
 * Puts findings in the log while the appliance runs. As an {@link EventSink} in front of the store
 * it only notes which phones did something worth a check (a boot-stage message, a request for its
 * master configuration, an override upload), never blocking the caller; {@link #run()}, called periodically off
 * the event loops, checks those phones and logs each finding once.
 */
public final class FindingsLog implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(FindingsLog.class);
    private static final int MAX_PHONES_PER_RUN = 200;
    private static final int MAX_REMEMBERED = 10_000;

    private final EventSink delegate;
    private final Function<MacAddress, List<Finding>> checks;
    private final Set<MacAddress> pending = ConcurrentHashMap.newKeySet();
    // Insertion-ordered so that the oldest findings are forgotten first when full.
    private final Map<String, Boolean> logged = new LinkedHashMap<>();

    /** @param checks the findings about one phone, e.g. {@link ReversionChecks#forPhone(MacAddress)} */
    public FindingsLog(EventSink delegate, Function<MacAddress, List<Finding>> checks) {
        this.delegate = delegate;
        this.checks = checks;
    }

    @Override
    public void record(PhoneEvent event) {
        delegate.record(event);
        if (event.mac() != null && worthACheck(event)) {
            pending.add(event.mac());
        }
    }

    static boolean worthACheck(PhoneEvent e) {
        if (ResetDetector.bootStage(e) != null) {
            return true;
        }
        // A request for <mac>.cfg starts every boot, found or not; an override upload changes what the
        // phone re-applies.
        return FileAccess.of(e).filter(a -> a.upload() ? a.ok() && a.isOverride() : a.isMasterConfig()).isPresent();
    }

    /** Checks the phones noted since the last run; returns the findings logged now (new ones only). */
    public synchronized List<Finding> run() {
        List<MacAddress> phones = new ArrayList<>();
        for (MacAddress mac : pending) {
            if (phones.size() == MAX_PHONES_PER_RUN) {
                break; // the rest wait for the next run
            }
            phones.add(mac);
        }
        List<Finding> fresh = new ArrayList<>();
        for (MacAddress mac : phones) {
            pending.remove(mac);
            try {
                for (Finding f : checks.apply(mac)) {
                    String key = f.code() + "|" + f.subject() + "|" + f.summary();
                    if (logged.putIfAbsent(key, Boolean.TRUE) == null) {
                        fresh.add(f);
                        log(f);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("Checking phone {} for findings failed: {}", mac, e.toString());
            }
        }
        while (logged.size() > MAX_REMEMBERED) {
            logged.remove(logged.keySet().iterator().next());
        }
        return fresh;
    }

    private static void log(Finding f) {
        if (f.severity() == Severity.INFO) {
            LOG.info("Finding {}", FindingText.line(f));
        } else {
            LOG.warn("Finding {}", FindingText.line(f));
        }
    }
}
