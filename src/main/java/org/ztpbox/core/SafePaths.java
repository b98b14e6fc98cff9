package org.ztpbox.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
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
        if (check(name) != null) {
            return Optional.empty();
        }
        try {
            return inside(root.toRealPath(), name);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Like {@link #resolve}, for a caller that resolved its root's real path once, up front: a
     * server looking up thousands of names a second then saves one {@code realpath} per lookup.
     *
     * @param realRoot the root's {@link Path#toRealPath() real path}
     */
    public static Optional<Path> resolveInRealRoot(Path realRoot, String name) {
        return check(name) == null ? inside(realRoot, name) : Optional.empty();
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
        // Component by component without splitting: servers check every request's name.
        for (int start = 0; start <= name.length(); ) {
            int end = name.indexOf('/', start);
            end = end < 0 ? name.length() : end;
            int length = end - start;
            if (length == 0 || (length <= 2 && name.startsWith(length == 1 ? "." : "..", start))) {
                return new Refusal("empty, '.' or '..' path component");
            }
            // A char is at most 3 UTF-8 bytes (a surrogate pair 4 for 2 chars): only long ones need counting.
            if (length * 3 > MAX_COMPONENT && name.substring(start, end)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_COMPONENT) {
                return new Refusal("path component longer than " + MAX_COMPONENT + " bytes");
            }
            start = end + 1;
        }
        return null;
    }

    private static Optional<Path> inside(Path realRoot, String name) {
        try {
            Path candidate = realRoot.resolve(name).normalize();
            if (!candidate.startsWith(realRoot)) {
                return Optional.empty();
            }
            // Follow symlinks on the deepest part that exists: a link inside the root may point out of it.
            // The common case, an existing file, costs a single realpath.
            Path existing;
            try {
                existing = candidate.toRealPath();
            } catch (NoSuchFileException e) {
                // Not there, or a dangling link: that one stays refused, its realpath fails again below.
                existing = candidate;
                while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                    existing = existing.getParent();
                }
                existing = existing == null ? null : existing.toRealPath();
            }
            if (existing == null || !existing.startsWith(realRoot)) {
                return Optional.empty();
            }
            return Optional.of(candidate);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }
}
