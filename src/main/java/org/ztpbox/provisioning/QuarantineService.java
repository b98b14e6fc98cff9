package org.ztpbox.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.core.UploadName;

/**
 * Moves a phone's override files aside before a factory reset, and back on request. Files are only
 * ever renamed, never deleted: into {@code <state-dir>/quarantine/<mac>/<time>/} beside a
 * {@code QUARANTINE.txt} that says what they are, with the record in the store. The record is
 * written before the files move, so a crash between the two leaves the phone served empty
 * overrides (the safe side) and the files wherever they were.
 */
public final class QuarantineService {

    static final String MANIFEST = "QUARANTINE.txt";
    private static final DateTimeFormatter DIR_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path stateDir;
    private final OverrideFiles overrides;
    private final QuarantineStore store;
    private final Clock clock;

    public QuarantineService(Path stateDir, OverrideFiles overrides, QuarantineStore store, Clock clock) {
        this.stateDir = stateDir;
        this.overrides = overrides;
        this.store = store;
        this.clock = clock;
    }

    /** What an action did: the record as it now stands, and one line per file moved. */
    public record Outcome(OverrideQuarantine quarantine, List<String> moves) {
    }

    /**
     * Quarantines the phone's override files (and the previous versions kept beside them); with no
     * files the phone is still served empty overrides until it boots clean.
     *
     * @param flagged the parameters the diagnosis flagged in those files
     * @throws QuarantineException when the phone already has an active quarantine
     */
    public Outcome quarantine(MacAddress mac, String by, String reason, List<String> flagged) throws IOException {
        Optional<OverrideQuarantine> active = store.active(mac);
        if (active.isPresent()) {
            throw new QuarantineException("phone " + mac + " is already quarantined since "
                    + active.get().startedAt() + " (by " + active.get().startedBy()
                    + "); restore it first with 'ztpbox restore-overrides " + mac + "'");
        }
        Instant now = clock.instant();
        List<Path> sources = new ArrayList<>();
        for (String suffix : UploadName.OVERRIDE_SUFFIXES) {
            Path current = overrides.uploads().pathOf(new UploadName(mac, suffix));
            for (Path p : List.of(current, current.resolveSibling(current.getFileName() + OverrideFiles.PREVIOUS))) {
                if (Files.isRegularFile(p)) {
                    sources.add(p);
                }
            }
        }
        Path dir = newDirectory(mac, now);
        List<String> names = sources.stream().map(p -> p.getFileName().toString()).toList();
        OverrideQuarantine record = store.add(OverrideQuarantine.begin(mac, now, by, reason,
                stateDir.relativize(dir).toString(), names, flagged));
        writeManifest(dir, record, overrides.uploads().root().resolve(mac.compact()));
        List<String> moves = new ArrayList<>();
        for (Path source : sources) {
            Path target = dir.resolve(source.getFileName());
            move(source, target);
            moves.add("moved " + stateDir.relativize(source) + " to " + stateDir.relativize(target));
        }
        return new Outcome(record, moves);
    }

    /**
     * Moves the files of the phone's latest quarantine back. A file the phone uploaded since is
     * not overwritten: it goes into the quarantine directory as {@code <name>.replaced-<time>}.
     *
     * @throws QuarantineException when the phone has nothing to restore
     */
    public Outcome restore(MacAddress mac, String by, String reason) throws IOException {
        OverrideQuarantine q = latestRestorable(mac).orElseThrow(() -> new QuarantineException(
                "phone " + mac + " has no quarantined override files to restore"));
        Instant now = clock.instant();
        Path dir = stateDir.resolve(q.location());
        Path home = overrides.uploads().root().resolve(mac.compact());
        Files.createDirectories(home);
        List<String> moves = new ArrayList<>();
        for (String name : q.files()) {
            Path source = dir.resolve(name);
            Path target = home.resolve(name);
            if (!Files.exists(source)) {
                moves.add(Files.exists(target) ? "kept " + stateDir.relativize(target) + " (it never moved)"
                        : "missing " + stateDir.relativize(source) + " (not found; nothing to move back)");
                continue;
            }
            if (Files.exists(target)) {
                Path aside = dir.resolve(name + ".replaced-" + DIR_TIME.format(now));
                move(target, aside);
                moves.add("moved the newer " + stateDir.relativize(target) + " to " + stateDir.relativize(aside));
            }
            move(source, target);
            moves.add("moved " + stateDir.relativize(source) + " back to " + stateDir.relativize(target));
        }
        String why = q.state() == OverrideQuarantine.State.RELEASED
                ? reason + " (released earlier at " + q.endedAt() + ": " + q.endReason() + ")" : reason;
        if (!store.end(q.id(), OverrideQuarantine.State.RESTORED, now, by, why)) {
            throw new QuarantineException("quarantine " + q.id() + " of " + mac + " was restored meanwhile");
        }
        appendToManifest(dir, "restored at " + now + " by " + by + ": " + why);
        OverrideQuarantine restored = store.history(mac).stream().filter(h -> h.id() == q.id()).findFirst()
                .orElse(q);
        return new Outcome(restored, moves);
    }

    /** Ends an active quarantine because the phone booted clean; its files stay where they are. */
    public boolean release(OverrideQuarantine q, String reason) throws IOException {
        Instant now = clock.instant();
        boolean released = store.end(q.id(), OverrideQuarantine.State.RELEASED, now, "ztpbox", reason);
        if (released) {
            appendToManifest(stateDir.resolve(q.location()), "released at " + now + ": " + reason);
        }
        return released;
    }

    /** The most recent quarantine of the phone whose files have not been moved back. */
    public Optional<OverrideQuarantine> latestRestorable(MacAddress mac) {
        List<OverrideQuarantine> history = store.history(mac);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).isRestorable()) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    private Path newDirectory(MacAddress mac, Instant now) throws IOException {
        Path parent = Files.createDirectories(stateDir.resolve("quarantine").resolve(mac.compact()));
        String base = DIR_TIME.format(now);
        for (int n = 1; ; n++) {
            Path dir = parent.resolve(n == 1 ? base : base + "-" + n);
            try {
                return Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Two quarantines in one second (a restore between them): the next suffix.
            }
        }
    }

    private void writeManifest(Path dir, OverrideQuarantine q, Path from) throws IOException {
        String text = "ztpbox override quarantine " + q.id() + "\n"
                + "phone: " + q.mac() + "\n"
                + "moved at: " + q.startedAt() + "\n"
                + "moved by: " + q.startedBy() + "\n"
                + "reason: " + q.reason() + "\n"
                + "moved from: " + stateDir.relativize(from) + "\n"
                + "files: " + (q.files().isEmpty() ? "(none)" : String.join(", ", q.files())) + "\n"
                + "flagged parameters: " + (q.flagged().isEmpty() ? "(none)" : String.join(", ", q.flagged())) + "\n"
                + "to move them back: ztpbox restore-overrides " + q.mac() + "\n";
        Path temp = dir.resolve("." + MANIFEST + ".part");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        move(temp, dir.resolve(MANIFEST));
    }

    private static void appendToManifest(Path dir, String line) throws IOException {
        if (Files.isDirectory(dir)) {
            Files.writeString(dir.resolve(MANIFEST), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /**
     * Renames without replacing: a file that appeared at the target (an upload racing the restore)
     * makes the move fail rather than vanish. Across file systems the JDK copies, then removes.
     */
    private static void move(Path source, Path target) throws IOException {
        Files.move(source, target);
    }
}
