package org.ztpbox.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.UploadName;

/**
 * The override files phones uploaded ({@code <mac>-phone.cfg}, {@code <mac>-web.cfg}), found in
 * the upload area: the material of the stale-override diagnosis and of quarantines.
 */
public final class OverrideFiles {

    /** Suffix of the version an upload replaced ({@link UploadDirectory} keeps one). */
    public static final String PREVIOUS = ".previous";

    private final UploadDirectory uploads;

    public OverrideFiles(UploadDirectory uploads) {
        this.uploads = uploads;
    }

    public UploadDirectory uploads() {
        return uploads;
    }

    /** One override file on disk. */
    public record OverrideFile(UploadName name, Path path, Instant modified, long size) {

        public byte[] read() throws IOException {
            return Files.readAllBytes(path);
        }
    }

    /** The phone's current override files, phone UI changes first. */
    public List<OverrideFile> of(MacAddress mac) {
        List<OverrideFile> out = new ArrayList<>();
        for (String suffix : UploadName.OVERRIDE_SUFFIXES) {
            UploadName name = new UploadName(mac, suffix);
            file(name, uploads.pathOf(name)).ifPresent(out::add);
        }
        return out;
    }

    /** The version the current upload replaced, if kept. */
    public Optional<OverrideFile> previous(UploadName name) {
        Path current = uploads.pathOf(name);
        return file(name, current.resolveSibling(current.getFileName() + PREVIOUS));
    }

    /** Every phone's current override files, by MAC. */
    public List<OverrideFile> all() {
        List<OverrideFile> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(uploads.root())) {
            for (Path dir : dirs.sorted().toList()) {
                String name = dir.getFileName().toString();
                if (Files.isDirectory(dir) && name.matches("[0-9a-f]{12}")) {
                    out.addAll(of(MacAddress.parse(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + uploads.root(), e);
        }
        return out;
    }

    private static Optional<OverrideFile> file(UploadName name, Path path) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            return attrs.isRegularFile() ? Optional.of(new OverrideFile(name, path,
                    attrs.lastModifiedTime().toInstant(), attrs.size())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
