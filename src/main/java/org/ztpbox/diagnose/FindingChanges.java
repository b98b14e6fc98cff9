package org.ztpbox.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells which findings of a periodic check are new and which are gone since the last run, so the
 * log and the store get one entry when something changes, not one per run. Not thread-safe: one
 * periodic task owns it.
 */
public final class FindingChanges {

    /** What changed since the previous run. */
    public record Changes(List<Finding> appeared, List<Finding> resolved) {
    }

    private Map<String, Finding> current = Map.of();

    public Changes update(List<Finding> findings) {
        Map<String, Finding> next = new LinkedHashMap<>();
        findings.forEach(f -> next.put(key(f), f));
        List<Finding> appeared = new ArrayList<>();
        next.forEach((key, f) -> {
            if (!current.containsKey(key)) {
                appeared.add(f);
            }
        });
        List<Finding> resolved = new ArrayList<>();
        current.forEach((key, f) -> {
            if (!next.containsKey(key)) {
                resolved.add(f);
            }
        });
        current = next;
        return new Changes(appeared, resolved);
    }

    /** Same rule, same subject, same statement: the same finding, whatever its timestamp and evidence. */
    private static String key(Finding f) {
        return f.code() + '\u0000' + f.subject() + '\u0000' + f.summary();
    }
}
