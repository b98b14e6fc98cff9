package org.ztpbox.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * busybox udhcpc in a client namespace: asks for options 66 and 160, quits after a lease
 * ({@code -q}) or after {@code tries} unanswered DISCOVERs ({@code -n}). Its hook sees option 66
 * as {@code $tftp} (validated as a host name) and 160, unknown to busybox, as hex in {@code $opt160}.
 */
public final class Udhcpc {

    /** What one run got: its exit code, the hook calls, and its output for messages. */
    public record Result(int exitCode, List<HookEvent> events, String output) {

        public java.util.Optional<HookEvent> bound() {
            return events.stream().filter(e -> e.event().equals("bound")).findFirst();
        }

        public List<String> eventNames() {
            return events.stream().map(HookEvent::event).toList();
        }
    }

    private Udhcpc() {
    }

    /** Runs udhcpc to completion; {@code tries} DISCOVERs, {@code secondsBetween} apart. */
    public static Result run(NetnsLab lab, LabClient client, int tries, int secondsBetween) {
        String name = "udhcpc-" + client.iface();
        HookRecorder hook = HookRecorder.create(lab, name, "$1");
        List<String> command = new ArrayList<>(List.of(Tools.path("udhcpc"), "-i", client.iface(), "-n", "-q", "-f",
                "-s", hook.script().toString(), "-O", "66", "-O", "160",
                "-t", Integer.toString(tries), "-T", Integer.toString(secondsBetween)));
        Duration bound = Duration.ofSeconds((long) tries * secondsBetween + 15);
        CommandResult result = lab.exec(client.namespace(), bound, command.toArray(String[]::new));
        return new Result(result.exitCode(), hook.events(), result.stdout() + result.stderr());
    }

    /** Decodes udhcpc's hex form of an option it does not know (e.g. {@code $opt160}) to text. */
    public static String decodeHexOption(String hex) {
        String digits = hex.strip();
        if (digits.length() % 2 != 0 || !digits.matches("[0-9a-fA-F]*")) {
            throw new IllegalArgumentException("not hex: '" + hex + "'");
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
