package org.ztpbox.config;

import java.util.ArrayList;
import java.util.List;
import org.ztpbox.config.ConfigException.ConfigProblem;

/** Collects configuration problems while a file is read, so that all are reported at once. */
final class Problems {

    private final List<ConfigProblem> list = new ArrayList<>();

    void add(String key, int line, String message) {
        list.add(new ConfigProblem(key, line, message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void throwIfAny(String source) {
        if (!list.isEmpty()) {
            list.sort(java.util.Comparator.comparingInt(ConfigProblem::line));
            throw new ConfigException(source, list);
        }
    }
}
