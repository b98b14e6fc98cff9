package org.ztpbox.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.diagnose.Finding;
import org.ztpbox.diagnose.ResetDetector;
import org.ztpbox.diagnose.ReversionChecks;
import org.ztpbox.diagnose.StaleOverrides;
import org.ztpbox.diagnose.Timeline;
import org.ztpbox.provisioning.BootDirectivesService;
import org.ztpbox.provisioning.OverrideFiles;
import org.ztpbox.provisioning.UploadDirectory;

/** The diagnosis the phone commands share, wired from the configuration and opened stores. */
final class PhoneDiagnosis {

    private PhoneDiagnosis() {
    }

    static OverrideFiles overrideFiles(ZtpboxConfig c) {
        try {
            return new OverrideFiles(new UploadDirectory(c.uploadsDir()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot open the upload directory " + c.uploadsDir() + ": "
                    + e.getMessage(), e);
        }
    }

    static StaleOverrides staleOverrides(ZtpboxConfig c, ApplianceRuntime runtime, OverrideFiles files,
            QuarantineStore quarantines, Clock clock) {
        return new StaleOverrides(files, runtime.expectedConfiguration(c), quarantines::active, clock);
    }

    static ReversionChecks reversionChecks(ZtpboxConfig c, ApplianceRuntime runtime, LeaseStore events,
            QuarantineStore quarantines, Clock clock) {
        OverrideFiles files = overrideFiles(c);
        return new ReversionChecks(c.stateDir(), files, staleOverrides(c, runtime, files, quarantines, clock),
                quarantines, events, new ResetDetector(ResetDetector.DEFAULT_ABSENCE, timeline(c, runtime)), clock);
    }

    static Timeline timeline(ZtpboxConfig c, ApplianceRuntime runtime) {
        return new Timeline(runtime.applianceAddress(c).orElse(null));
    }

    /** {@code provisioning.url}, or the one ztpbox derives from its address; null when neither is known. */
    static String provisioningUrl(ZtpboxConfig c, ApplianceRuntime runtime) {
        if (c.provisioning().url() != null) {
            return c.provisioning().url().toString();
        }
        Optional<Ipv4Address> address = runtime.applianceAddress(c);
        return address.map(a -> BootDirectivesService.defaultUrl(a, c.http().port())).orElse(null);
    }

    static Map<String, Object> json(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code());
        m.put("severity", f.severity().name());
        m.put("subject", f.subject());
        m.put("summary", f.summary());
        m.put("evidence", f.evidence());
        m.put("fix", f.fix());
        m.put("at", f.at().toString());
        return m;
    }

    static List<Object> json(List<Finding> findings) {
        return findings.stream().map(f -> (Object) json(f)).toList();
    }
}
