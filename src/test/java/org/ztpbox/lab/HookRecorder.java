package org.ztpbox.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hook script for dhclient ({@code -sf}) or udhcpc ({@code -s}) that only appends what the client
 * handed it to a file in the lab directory. It configures no interface and touches no host file
 * (no resolv.conf, no routes): the test reads the recording instead.
 */
public final class HookRecorder {

    private static final String BEGIN = "@@event ";
    private static final String END = "@@end";

    private final Path script;
    private final Path recording;

    private HookRecorder(Path script, Path recording) {
        this.script = script;
        this.recording = recording;
    }

    /** {@code eventExpression} is the shell expression naming the event: {@code $reason} or {@code $1}. */
    static HookRecorder create(NetnsLab lab, String name, String eventExpression) {
        Path recording = lab.dir().resolve(name + "-hook.rec");
        String body = "#!/bin/sh\n"
                + "# Test hook: records the client's event and environment; changes nothing.\n"
                + "{\n"
                + "  echo \"" + BEGIN + eventExpression + "\"\n"
                + "  env\n"
                + "  echo \"" + END + "\"\n"
                + "} >> '" + recording + "'\n"
                + "exit 0\n";
        return new HookRecorder(lab.write(name + "-hook.sh", body, true), recording);
    }

    public Path script() {
        return script;
    }

    public List<HookEvent> events() {
        List<String> lines;
        try {
            lines = Files.exists(recording) ? Files.readAllLines(recording, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<HookEvent> events = new ArrayList<>();
        String event = null;
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith(BEGIN)) {
                event = line.substring(BEGIN.length()).strip();
                env = new LinkedHashMap<>();
            } else if (line.equals(END) && event != null) {
                events.add(new HookEvent(event, Map.copyOf(env)));
                event = null;
            } else if (event != null && line.indexOf('=') > 0) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return events;
    }

    public Optional<HookEvent> first(String event) {
        return events().stream().filter(e -> e.event().equals(event)).findFirst();
    }

    public List<String> eventNames() {
        return events().stream().map(HookEvent::event).toList();
    }
}
