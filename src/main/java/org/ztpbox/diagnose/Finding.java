package org.ztpbox.diagnose;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One conclusion of the diagnosis: what is wrong, the evidence that shows it, and the fix in plain
 * words. Findings never change state; the admin applies the fix.
 *
 * @param code     a stable identifier for scripts and the dashboard, e.g. {@code stale-dhcp-option}
 * @param severity how urgent
 * @param subject  what it is about: a server address, a phone's MAC, a file; for grouping
 * @param summary  one sentence, e.g. "192.0.2.1 hands phones option 160 = tftp://old-pbx/"
 * @param evidence the packets, events or files it rests on, one line each, secrets masked
 * @param fix      what the admin should do, in plain words
 * @param at       when it was concluded
 */
public record Finding(String code, Severity severity, String subject, String summary, List<String> evidence,
        String fix, Instant at) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
        fix = Objects.requireNonNullElse(fix, "");
        subject = Objects.requireNonNullElse(subject, "");
    }
}
