package org.ztpbox.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ztpbox doctor --json} run as an admin runs it, inside the lab's server namespace (beside
 * the appliance when it runs), and its report read back as data.
 */
public final class DoctorRun {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final CommandResult result;
    private final Map<String, Object> report;

    private DoctorRun(CommandResult result, Map<String, Object> report) {
        this.result = result;
        this.report = report;
    }

    /** @param args more options, e.g. {@code --interface}, {@code --wait} */
    @SuppressWarnings("unchecked")
    public static DoctorRun run(NetnsLab lab, Path jar, Path config, String... args) {
        List<String> command = new ArrayList<>(List.of(Tools.java(), "-jar", jar.toString(), "doctor", "--config",
                config.toString(), "--json"));
        command.addAll(List.of(args));
        CommandResult result = lab.exec(lab.serverNamespace(), TIMEOUT, command.toArray(String[]::new));
        if (result.exitCode() != 0 && result.exitCode() != 3) {
            throw new AssertionError("ztpbox doctor failed: " + result.describe());
        }
        return new DoctorRun(result, (Map<String, Object>) JsonReader.read(result.stdout()));
    }

    /** The exit code: 0 no stale source, 3 a stale source. */
    public int exitCode() {
        return result.exitCode();
    }

    public String stdout() {
        return result.stdout();
    }

    public Map<String, Object> report() {
        return report;
    }

    /** The server entry of {@code address}, or null when it did not answer. */
    public Map<String, Object> server(String address) {
        return list("servers").stream().filter(s -> address.equals(s.get("server"))).findFirst().orElse(null);
    }

    /** The findings with {@code code}. */
    public List<Map<String, Object>> findings(String code) {
        return list("findings").stream().filter(f -> code.equals(f.get("code"))).toList();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String key) {
        return (List<Map<String, Object>>) report.get(key);
    }

    /** For failure messages: the whole output. */
    @Override
    public String toString() {
        return result.describe();
    }
}
