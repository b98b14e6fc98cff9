package org.ztpbox.lab;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the real-peer programs. Looks in PATH and in the sbin directories too, because a test JVM
 * started by sudo or CI often has a PATH without them, while the tools live there.
 */
public final class Tools {

    private static final List<String> EXTRA_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
            "/usr/bin", "/sbin", "/bin");

    private Tools() {
    }

    public static Optional<Path> find(String name) {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** The absolute path of a tool that {@link Prerequisites} has already checked. */
    public static String path(String name) {
        return find(name).map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(name + " not found; check it with Prerequisites first"));
    }

    /** The java launcher of this JVM, so the server runs on the same JDK as the tests. */
    public static String java() {
        return ProcessHandle.current().info().command()
                .filter(command -> command.endsWith("/java"))
                .orElseGet(() -> path("java"));
    }

    static List<String> missing(String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (find(name).isEmpty()) {
                missing.add(name);
            }
        }
        return missing;
    }
}
