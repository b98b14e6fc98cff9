package org.ztpbox.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** Reads the {@code doctor} section; every key is optional, see {@link DoctorConfig#defaults()}. */
final class DoctorConfigReader {

    private static final Set<String> KEYS = Set.of("probe-interval", "probe-wait");

    private DoctorConfigReader() {
    }

    static DoctorConfig read(YamlSection s) {
        DoctorConfig d = DoctorConfig.defaults();
        Duration interval = s.value("probe-interval", DoctorConfigReader::interval).orElse(d.probeInterval());
        Duration wait = s.value("probe-wait", DoctorConfig::parseWait).orElse(d.probeWait());
        s.finish(KEYS);
        return new DoctorConfig(interval, wait);
    }

    /** {@code off} or 0 turns the periodic probe off; otherwise at least a second, so the LAN sees no flood. */
    private static Duration interval(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("false") || t.equals("0")) {
            return Duration.ZERO;
        }
        Duration interval = Durations.parse(text);
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("must be at least 1s (or off), found " + text.trim());
        }
        return interval;
    }
}
