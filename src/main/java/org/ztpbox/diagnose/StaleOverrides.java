package org.ztpbox.diagnose;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ztpbox.core.ExpectedConfiguration;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.provisioning.OverrideFiles;
import org.ztpbox.provisioning.OverrideFiles.OverrideFile;
import org.ztpbox.provisioning.PolycomParameters;

/**
 * Finds uploaded override files ({@code <mac>-phone.cfg}, {@code <mac>-web.cfg}) that override
 * what ztpbox provisions: these beat every configuration file and are re-applied after a factory
 * reset (polycom-provisioning.md §3.6). One finding per file and {@link ParameterClass}, with the
 * parameters as evidence (secrets masked) and the fix.
 */
public final class StaleOverrides {

    private final OverrideFiles files;
    private final ExpectedConfiguration expected;
    private final Function<MacAddress, Optional<OverrideQuarantine>> quarantineOf;
    private final Clock clock;

    /**
     * @param quarantineOf the phone's active quarantine, if any (its current uploads are then masked
     *                     by an empty override, and a flagged one says the phone was not reset)
     */
    public StaleOverrides(OverrideFiles files, ExpectedConfiguration expected,
            Function<MacAddress, Optional<OverrideQuarantine>> quarantineOf, Clock clock) {
        this.files = files;
        this.expected = expected;
        this.quarantineOf = quarantineOf;
        this.clock = clock;
    }

    /** Findings for every phone's override files. */
    public List<Finding> all() {
        List<Finding> out = new ArrayList<>();
        for (OverrideFile file : files.all()) {
            out.addAll(check(file));
        }
        return out;
    }

    /** Findings for one phone's override files. */
    public List<Finding> forPhone(MacAddress mac) {
        List<Finding> out = new ArrayList<>();
        for (OverrideFile file : files.of(mac)) {
            out.addAll(check(file));
        }
        return out;
    }

    /**
     * The parameters of the phone's override files that a finding flags (every class but
     * {@link ParameterClass#EXTRA}), for the quarantine record.
     */
    public List<String> flaggedParameters(MacAddress mac) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (OverrideFile file : files.of(mac)) {
            try {
                for (OverrideDiff.Overridden o : diff(file)) {
                    if (o.parameterClass() != ParameterClass.EXTRA) {
                        out.add(o.name());
                    }
                }
            } catch (IOException | IllegalArgumentException unreadable) {
                // An unreadable file has no parameters to flag; its quarantine still hides it.
            }
        }
        return List.copyOf(out);
    }

    private List<OverrideDiff.Overridden> diff(OverrideFile file) throws IOException {
        return OverrideDiff.diff(PolycomParameters.parse(file.read()), expected.parametersFor(file.name().mac()));
    }

    private List<Finding> check(OverrideFile file) {
        MacAddress mac = file.name().mac();
        String where = files.uploads().root().getFileName() + "/" + mac.compact() + "/" + file.name().fileName();
        String origin = where + " (" + file.size() + " bytes, uploaded "
                + file.modified().truncatedTo(ChronoUnit.SECONDS) + ")";
        Optional<OverrideQuarantine> quarantine = quarantineOf.apply(mac);
        List<OverrideDiff.Overridden> overridden;
        try {
            overridden = diff(file);
        } catch (IOException | IllegalArgumentException e) {
            return List.of(new Finding("override-unreadable", Severity.WARNING, mac.toString(),
                    file.name().fileName() + " cannot be read (" + e.getMessage() + "); whatever it sets is"
                            + " re-applied after a reset", List.of(origin), fix(mac, quarantine), clock.instant()));
        }
        Map<ParameterClass, List<OverrideDiff.Overridden>> byClass = new EnumMap<>(ParameterClass.class);
        for (OverrideDiff.Overridden o : overridden) {
            byClass.computeIfAbsent(o.parameterClass(), c -> new ArrayList<>()).add(o);
        }
        List<Finding> out = new ArrayList<>();
        byClass.forEach((cls, params) -> {
            List<String> evidence = new ArrayList<>();
            evidence.add(origin);
            params.forEach(p -> evidence.add(p.shown()));
            quarantine.ifPresent(q -> evidence.add("quarantine " + q.id() + " active since " + q.startedAt()
                    + ": the phone is served an empty override, yet uploaded this file"));
            String summary = file.name().fileName() + " overrides " + cls.label() + ": " + params.size()
                    + " parameter" + (params.size() == 1 ? "" : "s") + (cls.severity() == Severity.INFO
                    ? "" : ", re-applied after every reset");
            out.add(new Finding(cls.code(), cls.severity(), mac.toString(), summary, evidence,
                    cls == ParameterClass.EXTRA && quarantine.isEmpty()
                            ? "Nothing to do unless these settings must not survive a reset; then 'ztpbox"
                            + " prepare-reset " + mac + "' before resetting the phone."
                            : fix(mac, quarantine), clock.instant()));
        });
        return out;
    }

    private static String fix(MacAddress mac, Optional<OverrideQuarantine> quarantine) {
        if (quarantine.isPresent()) {
            return "The phone is served an empty override, but it still holds these settings itself:"
                    + " factory-reset it ('ztpbox reset-guide " + mac + "'); ztpbox serves its own uploads again"
                    + " once it boots clean.";
        }
        return "Quarantine the override files before resetting the phone: 'ztpbox prepare-reset " + mac
                + "' (moves them aside, never deletes; 'ztpbox restore-overrides " + mac + "' brings them back),"
                + " then factory-reset it ('ztpbox reset-guide " + mac + "').";
    }
}
