package org.ztpbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of STYLE.md §2, checked on the import lines of src/main/java: the core
 * imports nothing of ours, protocol packages never import each other, and each library stays in
 * the one package that owns it.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/ztpbox");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\borg\\.ztpbox\\.(\\w+)\\.");

    /** What each top-level package may use of ours, besides itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("core", Set.of()),
            Map.entry("config", Set.of("core")),
            Map.entry("store", Set.of("core")),
            Map.entry("crypto", Set.of("core")),
            Map.entry("provisioning", Set.of("core", "config", "crypto")),
            Map.entry("dhcp", Set.of("core", "config", "provisioning")),
            Map.entry("tftp", Set.of("core", "config", "provisioning")),
            Map.entry("http", Set.of("core", "config", "provisioning")),
            Map.entry("diagnose", Set.of("core", "config", "provisioning")),
            Map.entry("admin", Set.of("core", "config", "provisioning", "diagnose")),
            Map.entry("cli", Set.of("core", "config", "provisioning", "diagnose")),
            Map.entry("app", Set.of("core", "config", "provisioning", "dhcp", "tftp", "http", "store", "crypto",
                    "diagnose", "admin", "cli")));

    /** Library package prefix to the only package of ours that may import it. */
    private static final Map<String, String> LIBRARY_OWNERS = Map.of(
            "org.dhcp4java", "org.ztpbox.dhcp.codec",
            "org.apache.commons.net", "org.ztpbox.tftp.codec",
            "org.bouncycastle", "org.ztpbox.crypto",
            "java.sql", "org.ztpbox.store",
            "org.yaml", "org.ztpbox.config",
            "picocli", "org.ztpbox.cli");

    @Test
    void packagesDependOnlyAsAllowed() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String pkg = topPackage(file);
            assertThat(ALLOWED).as("package %s has no dependency rule", pkg).containsKey(pkg);
            String text = Files.readString(file);
            Matcher m = QUALIFIED.matcher(text);
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals(pkg) && !ALLOWED.get(pkg).contains(used)) {
                    violations.add(SOURCES.relativize(file) + " uses org.ztpbox." + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void librariesStayInTheirOwningPackage() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String pkg = "org.ztpbox." + SOURCES.relativize(file.getParent()).toString().replace('/', '.');
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = m.group(1);
                LIBRARY_OWNERS.forEach((library, owner) -> {
                    if (imported.startsWith(library) && !pkg.startsWith(owner)
                            && !(library.equals("picocli") && pkg.equals("org.ztpbox.app"))) {
                        violations.add(SOURCES.relativize(file) + " imports " + imported + " (owned by " + owner + ")");
                    }
                });
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void nettyStopsAtTheCodecAndServerPackages() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String rel = SOURCES.relativize(file).toString();
            // dhcp.probe is a socket edge like dhcp.server: the probe's own client sockets.
            boolean edge = rel.matches("(dhcp|tftp|http|admin)/(codec|server)/.*|dhcp/probe/.*")
                    || rel.startsWith("app/");
            if (!edge && Files.readString(file).contains("import io.netty")) {
                violations.add(rel);
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String topPackage(Path file) {
        return SOURCES.relativize(file).getName(0).toString();
    }
}
