package org.ztpbox.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A phone's override files moved aside before a factory reset ({@code ztpbox prepare-reset}): the
 * record of who did it, when and why, where the files went, and how it ended. Override files beat
 * every provisioned setting and are re-applied after a reset (polycom-provisioning.md §3.6), so
 * while a quarantine is {@link State#ACTIVE} the phone is served an empty override instead.
 *
 * @param id        the store's key; 0 before the store assigns one
 * @param location  the directory holding the moved files, relative to the state directory
 * @param files     the file names moved there (overrides and their kept previous versions)
 * @param flagged   the parameters the diagnosis flagged in those files when they were moved: a
 *                  fresh upload holding any of them means the phone still carries the old settings
 * @param endedAt   when it stopped being active; null while active
 * @param endedBy   who ended it ({@code ztpbox} when the phone booted clean); null while active
 * @param endReason why it ended; null while active
 */
public record OverrideQuarantine(long id, MacAddress mac, Instant startedAt, String startedBy, String reason,
        String location, List<String> files, List<String> flagged, State state, Instant endedAt, String endedBy,
        String endReason) {

    /** Where a quarantine stands. Files stay in the quarantine directory unless restored. */
    public enum State {
        /** The phone is served an empty override until it boots clean. */
        ACTIVE,
        /** The phone booted clean; its own overrides are served again; the old files are still kept. */
        RELEASED,
        /** The files were moved back by the admin. */
        RESTORED
    }

    public OverrideQuarantine {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(state, "state");
        startedBy = Objects.requireNonNullElse(startedBy, "");
        reason = Objects.requireNonNullElse(reason, "");
        location = Objects.requireNonNull(location, "location");
        files = List.copyOf(files);
        flagged = List.copyOf(flagged);
    }

    /** A new, active quarantine, before the store gives it an id. */
    public static OverrideQuarantine begin(MacAddress mac, Instant at, String by, String reason, String location,
            List<String> files, List<String> flagged) {
        return new OverrideQuarantine(0, mac, at, by, reason, location, files, flagged, State.ACTIVE, null, null,
                null);
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    /** True when its files may still be moved back (active or released, not yet restored). */
    public boolean isRestorable() {
        return state != State.RESTORED;
    }
}
