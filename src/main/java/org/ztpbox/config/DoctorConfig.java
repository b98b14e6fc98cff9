package org.ztpbox.config;

import java.time.Duration;

/**
 * The {@code doctor} section: the phone-emulating DHCP probe that the appliance runs on its own.
 *
 * @param probeInterval how often the running appliance probes the LAN's DHCP servers; zero for never
 * @param probeWait     how long each probe collects answers (also {@code ztpbox doctor}'s default)
 */
public record DoctorConfig(Duration probeInterval, Duration probeWait) {

    private static final Duration MIN_WAIT = Duration.ofMillis(500);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    public static DoctorConfig defaults() {
        return new DoctorConfig(Duration.ofMinutes(10), Duration.ofSeconds(3));
    }

    /** A probe window as {@code doctor.probe-wait} or {@code ztpbox doctor --wait} gives it: 500ms to 30s. */
    public static Duration parseWait(String text) {
        Duration wait = Durations.parse(text);
        if (wait.compareTo(MIN_WAIT) < 0 || wait.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("must be between " + Durations.format(MIN_WAIT) + " and "
                    + Durations.format(MAX_WAIT) + ", found " + text.trim());
        }
        return wait;
    }

    public boolean probesPeriodically() {
        return !probeInterval.isZero();
    }
}
