package org.ztpbox.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.diagnose.Finding;
import org.ztpbox.provisioning.QuarantineService;

/** How {@code prepare-reset} and {@code restore-overrides} report what they did, as JSON. */
final class QuarantineOutput {

    private QuarantineOutput() {
    }

    static Map<String, Object> json(QuarantineService.Outcome outcome, List<Finding> findings) {
        OverrideQuarantine q = outcome.quarantine();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quarantine", q.id());
        m.put("mac", q.mac().toString());
        m.put("state", q.state().name());
        m.put("started_at", q.startedAt().toString());
        m.put("started_by", q.startedBy());
        m.put("reason", q.reason());
        m.put("location", q.location());
        m.put("files", q.files());
        m.put("flagged", q.flagged());
        m.put("ended_at", q.endedAt() == null ? null : q.endedAt().toString());
        m.put("ended_by", q.endedBy());
        m.put("end_reason", q.endReason());
        m.put("moves", outcome.moves());
        m.put("findings", PhoneDiagnosis.json(findings));
        return m;
    }
}
