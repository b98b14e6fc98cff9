package org.ztpbox.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real curl as an HTTP client: one request per call, the status from {@code -w}, the body and
 * response headers kept in files of the work directory. Bounded by {@code --max-time} and by the
 * run's own time limit.
 */
public final class Curl {

    public static final List<String> PROGRAMS = List.of("curl");
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final Path work;
    private int calls;

    public Curl(Path work) {
        this.work = work;
    }

    /** What one curl run saw; {@code status} is 0 when no HTTP response arrived (TLS refused, reset). */
    public record Response(CommandResult run, int status, String body, String headers) {

        /** The first value of a response header (case-insensitive), or null. */
        public String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        public String describe() {
            return "HTTP " + status + "\n" + headers + body + "\n" + run.describe();
        }
    }

    /** Runs {@code curl <args>} (the URL among them). */
    public Response run(String... args) {
        return runTo(work.resolve("body-" + (calls + 1)), args);
    }

    /** Like {@link #run}, with the body written to {@code output} (which {@code -C -} resumes). */
    public Response runTo(Path output, String... args) {
        int n = ++calls;
        Path body = output;
        Path headers = work.resolve("headers-" + n);
        List<String> command = new ArrayList<>(List.of(Tools.path("curl"), "-sS", "--max-time", "20",
                "-o", body.toString(), "-D", headers.toString(), "-w", "%{http_code}"));
        command.addAll(List.of(args));
        CommandResult result = HostCommand.run(work, LIMIT, command);
        String code = result.stdout().strip();
        try {
            return new Response(result, code.matches("\\d{3}") ? Integer.parseInt(code) : 0,
                    Files.exists(body) ? Files.readString(body, StandardCharsets.ISO_8859_1) : "",
                    Files.exists(headers) ? lastResponse(Files.readString(headers, StandardCharsets.ISO_8859_1)) : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With auth or 100 Continue, {@code -D} holds every response: keep the final one. */
    private static String lastResponse(String all) {
        int at = all.toUpperCase(Locale.ROOT).lastIndexOf("HTTP/");
        return at < 0 ? all : all.substring(at);
    }
}
