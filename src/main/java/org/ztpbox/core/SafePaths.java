package org.ztpbox.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns a name received from the network into a path inside a root, or refuses it.
 *
 * <p>Refused: empty names, absolute paths, backslashes, NUL and other control characters, {@code .}
 * and {@code ..} components, components over 255 bytes, names over 1024 characters, and anything
 * whose real path (symlinks resolved) is not inside the root's real path. The last check compares
 * {@link Path} components, never string prefixes, so {@code /srv/root-evil} is not inside
 * {@code /srv/root}.
 */
public final class SafePaths {

    public static final int MAX_NAME = 1024;
    private static final int MAX_COMPONENT = 255;

    private SafePaths() {
    }

    /** Why a name was refused, for logs and error replies. */
    public record Refusal(String reason) {
    }

    /**
     * Resolves {@code name} under {@code root}. The target need not exist (writes), but every
     * existing part of it must stay inside the root once symlinks are followed.
     */
    public static Optional<Path> resolve(Path root, String name) {
        return check(name) == null ? inside(root, name) : Optional.empty();
    }

    /** The reason {@code name} is refused on its own form, or null when its form is acceptable. */
    public static Refusal check(String name) {
        if (name == null || name.isEmpty()) {
            return new Refusal("empty file name");
        }
        if (name.length() > MAX_NAME) {
            return new Refusal("file name longer than " + MAX_NAME + " characters");
        }
        if (name.startsWith("/")) {
            return new Refusal("absolute path");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                return new Refusal("backslash in file name");
            }
            if (c < 0x20 || c == 0x7F) {
                return new Refusal("control character in file name");
            }
        }
        for (String component : name.split("/", -1)) {
            if (component.isEmpty() || component.equals(".") || component.equals("..")) {
                return new Refusal("empty, '.' or '..' path component");
            }
            if (component.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_COMPONENT) {
                return new Refusal("path component longer than " + MAX_COMPONENT + " bytes");
            }
        }
        return null;
    }

    private static Optional<Path> inside(Path root, String name) {
        try {
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(name).normalize();
            if (!candidate.startsWith(realRoot)) {
                return Optional.empty();
            }
            // Follow symlinks on the deepest part that exists: a link inside the root may point out of it.
            Path existing = candidate;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null || !existing.toRealPath().startsWith(realRoot)) {
                return Optional.empty();
            }
            return Optional.of(candidate);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }
}
