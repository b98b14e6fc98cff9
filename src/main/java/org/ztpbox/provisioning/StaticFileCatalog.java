package org.ztpbox.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.SafePaths;

/**
 * Serves the files under one directory. MAC-named files match whatever letter case the phone uses
 * (the SIP 2.x/3.x phones accept either; observed requests are lower case), so {@code 0004F2AA814C.cfg}
 * finds {@code 0004f2aa814c.cfg} and the reverse.
 */
public final class StaticFileCatalog implements FileCatalog {

    private static final Pattern MAC_IN_NAME = Pattern.compile("(?<![0-9a-fA-F])([0-9a-fA-F]{12})(?![0-9a-fA-F])");

    private final Path root;
    private final Path realRoot;

    public StaticFileCatalog(Path root) throws IOException {
        this.root = Files.createDirectories(root);
        this.realRoot = this.root.toRealPath();
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<CatalogEntry> find(FileRequest request) {
        String name = request.name();
        Optional<CatalogEntry> exact = entry(name);
        if (exact.isPresent()) {
            return exact;
        }
        Matcher m = MAC_IN_NAME.matcher(name);
        if (!m.find()) {
            return Optional.empty();
        }
        String mac = m.group(1);
        for (String variant : new String[] {mac.toLowerCase(Locale.ROOT), mac.toUpperCase(Locale.ROOT)}) {
            if (!variant.equals(mac)) {
                Optional<CatalogEntry> found = entry(name.substring(0, m.start(1)) + variant + name.substring(m.end(1)));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<CatalogEntry> entry(String name) {
        if (name.indexOf('/') < 0 && SafePaths.check(name) == null) {
            // Most requests name a file directly in the root. Its parent is the real root, so a
            // regular file there (not followed if a link) cannot lead out: one lstat decides.
            Path path = realRoot.resolve(name);
            try {
                BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!attrs.isSymbolicLink()) {
                    return attrs.isRegularFile() ? Optional.of(new FileEntry(name, path, attrs.size(),
                            attrs.lastModifiedTime().toInstant())) : Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        // The root's real path is taken once: HTTP looks names up thousands of times a second.
        Optional<Path> path = SafePaths.resolveInRealRoot(realRoot, name);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return FileEntry.of(name, path.get());
    }
}
