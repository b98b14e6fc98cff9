package org.ztpbox.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.EncryptionKeys.KeyState;
import org.ztpbox.core.KeyException;

/**
 * The key ring on disk, in {@code <state-dir>/keys} (mode 0700): one file per key,
 * {@code <name>.key} (mode 0600, written once, never changed), holding its creation time and key
 * string; and {@code ring} (0600), the state of each key, replaced atomically as a whole. A rotation
 * therefore commits in one rename: a crash leaves the old ring or the new one, at worst beside an
 * unlisted key file, which is ignored.
 */
final class KeyRingFiles {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRingFiles.class);
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final String RING = "ring";

    /** One key as stored. */
    record Stored(EncryptionKey key, Instant created, KeyState state) {
    }

    /** What a read found, and how the ring file looked, so that a change by another process shows. */
    record Contents(List<Stored> keys, Object stamp) {
    }

    private final Path dir;

    KeyRingFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path ringFile() {
        return dir.resolve(RING);
    }

    Path keyFile(String name) {
        return dir.resolve(name + ".key");
    }

    /** Creates the directory, or tightens an existing one to 0700. */
    void prepare() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        if (!mode.equals(DIRECTORY_MODE)) {
            Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
            if (mode.stream().anyMatch(p -> !DIRECTORY_MODE.contains(p))) {
                LOG.warn("{} was open to other users ({}); now 0700", dir, PosixFilePermissions.toString(mode));
            }
        }
    }

    /** A cheap fingerprint of the ring file: changes with each replacement. */
    Object stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(ringFile(), BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
        } catch (IOException e) {
            return "absent";
        }
    }

    Contents read() {
        Object stamp = stamp();
        List<String> lines;
        try {
            lines = Files.readAllLines(ringFile(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), stamp);
        } catch (IOException e) {
            throw new KeyException("cannot read the key ring " + ringFile() + ": " + e.getMessage(), e);
        }
        List<Stored> keys = new ArrayList<>();
        int currents = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            KeyState state = parts.length == 2 ? state(parts[1]) : null;
            if (state == null) {
                throw damaged(i + 1, "expected '<key name> current|previous|retired'");
            }
            String name = parts[0];
            try {
                EncryptionKey.checkName(name);
            } catch (KeyException e) {
                throw damaged(i + 1, e.getMessage());
            }
            if (keys.stream().anyMatch(k -> k.key().name().equals(name))) {
                throw damaged(i + 1, "key '" + name + "' listed twice");
            }
            currents += state == KeyState.CURRENT ? 1 : 0;
            keys.add(readKey(name, state));
        }
        if (!keys.isEmpty() && currents != 1) {
            throw new KeyException("damaged key ring " + ringFile() + ": " + currents
                    + " keys are marked current, exactly one must be");
        }
        return new Contents(keys, stamp);
    }

    private KeyException damaged(int line, String message) {
        return new KeyException("damaged key ring " + ringFile() + " line " + line + ": " + message);
    }

    private static KeyState state(String text) {
        for (KeyState s : KeyState.values()) {
            if (s.label().equals(text.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    private Stored readKey(String name, KeyState state) {
        Path file = keyFile(name);
        try {
            tighten(file);
            String keyString = null;
            Instant created = null;
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.startsWith("key=")) {
                    keyString = line.substring(4);
                } else if (line.startsWith("created=")) {
                    created = Instant.parse(line.substring(8));
                }
            }
            if (keyString == null || created == null) {
                throw new KeyException("key file " + file + " lacks its key= or created= line");
            }
            EncryptionKey key = EncryptionKey.parse(keyString);
            if (!key.name().equals(name)) {
                throw new KeyException("key file " + file + " holds the key named '" + key.name() + "'");
            }
            return new Stored(key, created, state);
        } catch (NoSuchFileException e) {
            throw new KeyException("the key ring lists '" + name + "' but " + file + " is missing; restore it from a"
                    + " backup (phones holding it cannot be served encrypted files otherwise)", e);
        } catch (IOException | DateTimeParseException e) {
            throw new KeyException("cannot read key file " + file + ": " + e.getMessage(), e);
        } catch (KeyException e) {
            throw new KeyException("key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void tighten(Path file) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        if (!mode.equals(AtomicFiles.OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, AtomicFiles.OWNER_ONLY);
            LOG.warn("{} was mode {}; now 0600", file, PosixFilePermissions.toString(mode));
        }
    }

    /** Writes a new key file; refuses to replace an existing one (a key's material never changes). */
    void createKeyFile(EncryptionKey key, Instant created) throws IOException {
        AtomicFiles.create(keyFile(key.name()), "# ztpbox configuration-file encryption key. Secret: whoever reads"
                + " this file can decrypt what the phones are served.\ncreated=" + created + "\nkey="
                + key.keyString() + "\n", AtomicFiles.OWNER_ONLY);
    }

    void writeRing(List<Stored> keys) throws IOException {
        StringBuilder text = new StringBuilder("# ztpbox key ring: the state of each key in this directory."
                + " Written by 'ztpbox keys'.\n");
        for (Stored k : keys) {
            text.append(k.key().name()).append(' ').append(k.state().label()).append('\n');
        }
        AtomicFiles.write(ringFile(), text.toString(), AtomicFiles.OWNER_ONLY);
    }
}
