package org.ztpbox.provisioning.template;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Templates in a directory ({@code shared.cfg}, {@code phone.cfg}, {@code models/*.cfg},
 * {@code sites/*.cfg}); {@code shared.cfg} and {@code phone.cfg} missing there come from the
 * shipped defaults, so an admin may add just one site's override. Edits are picked up without a
 * restart: the files' sizes and modification times are looked at again at most once per
 * {@code recheck}, and the set is read again when they changed. The fallback must not change.
 */
public final class DirectoryTemplates implements TemplateSet {

    private static final long MAX_TEMPLATE_BYTES = 1 << 20;

    private final Path root;
    private final TemplateSet fallback;
    private final long recheckNanos;
    private volatile State state;

    private record State(List<String> stamp, Templates templates, long checkedAt) {
    }

    public DirectoryTemplates(Path root, TemplateSet fallback, Duration recheck) {
        this.root = root;
        this.fallback = fallback;
        this.recheckNanos = recheck.toNanos();
    }

    public Path root() {
        return root;
    }

    @Override
    public Templates current() {
        State s = state;
        long now = System.nanoTime();
        if (s != null && now - s.checkedAt() < recheckNanos) {
            return s.templates();
        }
        synchronized (this) {
            s = state;
            if (s != null && System.nanoTime() - s.checkedAt() < recheckNanos) {
                return s.templates();
            }
            List<String> stamp = stamp();
            Templates templates;
            if (s != null && s.stamp().equals(stamp)) {
                templates = s.templates();
            } else {
                templates = load();
                // Same content after a touch: keep the instance, so nothing rendered is thrown away.
                if (s != null && s.templates().equals(templates)) {
                    templates = s.templates();
                }
            }
            state = new State(stamp, templates, System.nanoTime());
            return templates;
        }
    }

    /** Name, size and modification time of every template file: what an edit changes. */
    private List<String> stamp() {
        List<String> stamp = new ArrayList<>();
        for (Path file : files()) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                stamp.add(file + " " + a.size() + " " + a.lastModifiedTime().toMillis() + " "
                        + a.lastModifiedTime().toInstant().getNano());
            } catch (IOException e) {
                stamp.add(file + " unreadable");
            }
        }
        return stamp;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String name : List.of(Templates.SHARED, Templates.PHONE)) {
            if (Files.exists(root.resolve(name))) {
                files.add(root.resolve(name));
            }
        }
        files.addAll(cfgFiles(root.resolve(Templates.MODELS)));
        files.addAll(cfgFiles(root.resolve(Templates.SITES)));
        return files;
    }

    private static List<Path> cfgFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.cfg")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            // An unreadable directory holds no templates we can use; the stamp stays as it is.
        }
        files.sort(null);
        return files;
    }

    private Templates load() {
        Templates defaults = fallback.current();
        Path shared = root.resolve(Templates.SHARED);
        Path phone = root.resolve(Templates.PHONE);
        return new Templates(root.toString(),
                Files.exists(shared) ? read(Templates.SHARED, shared) : defaults.shared(),
                Files.exists(phone) ? read(Templates.PHONE, phone) : defaults.phone(),
                keyed(Templates.MODELS, TemplateKeys::model), keyed(Templates.SITES, TemplateKeys::site));
    }

    private Map<String, Template> keyed(String dir, Function<String, String> key) {
        Map<String, Template> keyed = new TreeMap<>();
        for (Path file : cfgFiles(root.resolve(dir))) {
            String stem = file.getFileName().toString();
            stem = stem.substring(0, stem.length() - ".cfg".length());
            // Sorted by name: of two spellings of one key (VVX410.cfg, vvx410.cfg) the first is used.
            keyed.putIfAbsent(key.apply(stem), read(dir + "/" + file.getFileName(), file));
        }
        keyed.remove("");
        return keyed;
    }

    private static Template read(String name, Path file) {
        try {
            if (Files.size(file) > MAX_TEMPLATE_BYTES) {
                return Template.unreadable(name, file.toString(), "larger than " + MAX_TEMPLATE_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Template.of(name, file.toString(), text);
        } catch (CharacterCodingException e) {
            return Template.unreadable(name, file.toString(), "not UTF-8 text");
        } catch (IOException e) {
            return Template.unreadable(name, file.toString(), "cannot read: " + e.getMessage());
        }
    }
}
