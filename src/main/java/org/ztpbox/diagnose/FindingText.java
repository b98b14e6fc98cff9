package org.ztpbox.diagnose;

import java.util.List;

/** Findings as text for terminals and logs. */
public final class FindingText {

    private FindingText() {
    }

    /**
     * <pre>
     * CRITICAL  override-provisioning-server  00:04:f2:aa:81:4c
     *   0004f2aa814c-phone.cfg overrides the provisioning server ...
     *   evidence:
     *     ...
     *   fix: ...
     * </pre>
     */
    public static String block(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.severity()).append("  ").append(f.code()).append("  ").append(f.subject()).append('\n');
        sb.append("  ").append(f.summary()).append('\n');
        if (!f.evidence().isEmpty()) {
            sb.append("  evidence:\n");
            f.evidence().forEach(e -> sb.append("    ").append(e).append('\n'));
        }
        if (!f.fix().isEmpty()) {
            sb.append("  fix: ").append(f.fix()).append('\n');
        }
        return sb.toString();
    }

    /** One line: severity, code, subject, summary, evidence and fix, for the log. */
    public static String line(Finding f) {
        return f.severity() + " " + f.code() + " " + f.subject() + ": " + f.summary()
                + (f.evidence().isEmpty() ? "" : " | evidence: " + String.join("; ", f.evidence()))
                + (f.fix().isEmpty() ? "" : " | fix: " + f.fix());
    }

    public static String blocks(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(block(f));
        }
        return sb.toString();
    }
}
