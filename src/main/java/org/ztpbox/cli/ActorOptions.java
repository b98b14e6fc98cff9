package org.ztpbox.cli;

import picocli.CommandLine.Option;

/** Who does a recorded action and why: kept in the quarantine record and the phone's timeline. */
public final class ActorOptions {

    @Option(names = "--by", paramLabel = "NAME",
            description = "Who does it (default: the user running the command, through sudo too).")
    String by;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the record.")
    String reason;

    String who() {
        if (by != null && !by.isBlank()) {
            return by.strip();
        }
        String sudo = System.getenv("SUDO_USER");
        return sudo != null && !sudo.isBlank() ? sudo : System.getProperty("user.name", "unknown");
    }

    String why(String otherwise) {
        return reason != null && !reason.isBlank() ? reason.strip() : otherwise;
    }
}
