package org.ztpbox.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.diagnose.Finding;
import org.ztpbox.diagnose.FindingText;
import org.ztpbox.diagnose.Timeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ztpbox timeline MAC}: every event of the phone in order, DHCP through uploads, then the
 * findings about it. Reads the store directly, so it works while the appliance runs.
 */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = "Every event of one phone in order (DHCP, file requests, uploads, quarantines), one line each,"
                + " secrets masked, then the findings about the phone.")
public final class TimelineCommand implements Callable<Integer> {

    private final ApplianceRuntime runtime;

    @Mixin
    ConfigOption config;

    @Mixin
    PhoneOption phone;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only events since then: an age (15m, 2h, 3d), an instant (2024-05-01T10:00:00Z) or a"
                    + " local date-time or date.")
    String since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "At most the N latest events (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the events and findings as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    public TimelineCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        Clock clock = Clock.systemUTC();
        Instant from;
        try {
            from = since == null ? null : Since.parse(since, clock.instant(), ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ZtpboxConfig c = config.load();
        List<PhoneEvent> events;
        List<Finding> findings;
        try (LeaseStore store = runtime.openStore(c); QuarantineStore quarantines = runtime.openQuarantines(c)) {
            List<PhoneEvent> all = store.events(phone.mac, limit);
            events = from == null ? all : all.stream().filter(e -> !e.at().isBefore(from)).toList();
            findings = PhoneDiagnosis.reversionChecks(c, runtime, store, quarantines, clock).forPhone(phone.mac);
        }
        Timeline timeline = PhoneDiagnosis.timeline(c, runtime);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mac", phone.mac.toString());
            m.put("events", events.stream().map(e -> (Object) json(timeline, e)).toList());
            m.put("findings", PhoneDiagnosis.json(findings));
            out.println(Json.write(m));
        } else {
            out.printf("Timeline of %s: %d event%s%s, oldest first%n", phone.mac, events.size(),
                    events.size() == 1 ? "" : "s", from == null ? "" : " since " + from);
            events.forEach(e -> out.println(timeline.line(e)));
            out.println();
            out.printf("Findings: %s%n", findings.isEmpty() ? "none" : findings.size());
            out.print(FindingText.blocks(findings));
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> json(Timeline timeline, PhoneEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("source", e.source());
        m.put("type", e.type());
        m.put("summary", timeline.summary(e));
        m.put("details", Timeline.shownDetails(e));
        return m;
    }
}
