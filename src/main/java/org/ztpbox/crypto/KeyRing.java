package org.ztpbox.crypto;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.ztpbox.core.EncryptionKeys;
import org.ztpbox.core.KeyException;
import org.ztpbox.crypto.KeyRingFiles.Stored;

/**
 * The configuration-file encryption keys of the appliance, kept in {@code <state-dir>/keys} (see
 * {@link KeyRingFiles}). The running appliance and the {@code ztpbox keys} command share the
 * directory: each reads the ring again when the ring file changed, checked at most every
 * {@code recheck}; writers take a lock file, so two commands never rotate at once.
 */
public final class KeyRing implements EncryptionKeys {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final KeyRingFiles files;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration recheck;
    private final AtomicLong generation = new AtomicLong();
    private volatile KeyRingFiles.Contents contents;
    private volatile long checkedAtMillis;

    /** @param recheck how often a change by another process is looked for (one stat call) */
    public KeyRing(Path dir, Clock clock, SecureRandom random, Duration recheck) {
        this.files = new KeyRingFiles(dir);
        this.clock = clock;
        this.random = random;
        this.recheck = recheck;
        this.contents = files.read();
        this.checkedAtMillis = clock.millis();
    }

    public Path dir() {
        return files.dir();
    }

    private List<Stored> keys() {
        long now = clock.millis();
        if (now - checkedAtMillis >= recheck.toMillis()) {
            checkedAtMillis = now;
            if (!files.stamp().equals(contents.stamp())) {
                synchronized (this) {
                    contents = files.read();
                    generation.incrementAndGet();
                }
            }
        }
        return contents.keys();
    }

    private Stored stored(String name) {
        return keys().stream().filter(k -> k.key().name().equals(name)).findFirst().orElseThrow(() ->
                new KeyException("no key named '" + name + "' in " + files.dir() + " ('ztpbox keys list' shows them)"));
    }

    private static KeyInfo info(Stored s) {
        return new KeyInfo(s.key().name(), s.created(), s.state());
    }

    @Override
    public List<KeyInfo> list() {
        // Stable: keys created in the same instant keep the ring's order, newest first.
        return keys().stream().sorted(Comparator.comparing(Stored::state)
                        .thenComparing(Stored::created, Comparator.reverseOrder()))
                .map(KeyRing::info).toList();
    }

    @Override
    public Optional<KeyInfo> current() {
        return keys().stream().filter(k -> k.state() == KeyState.CURRENT).findFirst().map(KeyRing::info);
    }

    @Override
    public Optional<KeyInfo> find(String name) {
        return keys().stream().filter(k -> k.key().name().equals(name)).findFirst().map(KeyRing::info);
    }

    @Override
    public KeyInfo create(String name) {
        return change(name, false);
    }

    @Override
    public KeyInfo rotate(String name) {
        return change(name, true);
    }

    private synchronized KeyInfo change(String requestedName, boolean rotate) {
        if (requestedName != null) {
            EncryptionKey.checkName(requestedName);
        }
        try {
            files.prepare();
            Path lockFile = files.dir().resolve(".lock");
            try (FileChannel channel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY));
                 FileLock lock = channel.lock()) {
                List<Stored> old = files.read().keys(); // under the lock: what another writer left, not our cache
                if (!rotate && !old.isEmpty()) {
                    throw new KeyException("the key ring already has a current key ('" + currentName(old)
                            + "'); 'ztpbox keys rotate' replaces it");
                }
                if (rotate && old.isEmpty()) {
                    throw new KeyException("no key to rotate yet; 'ztpbox keys create' makes the first one");
                }
                String name = requestedName == null ? freeName(old) : requestedName;
                if (old.stream().anyMatch(k -> k.key().name().equals(name)) || Files.exists(files.keyFile(name))) {
                    throw new KeyException("a key named '" + name + "' exists already; choose another name");
                }
                Instant created = clock.instant();
                Stored fresh = new Stored(EncryptionKey.generate(name, random), created, KeyState.CURRENT);
                files.createKeyFile(fresh.key(), created);
                List<Stored> next = new ArrayList<>();
                next.add(fresh);
                for (Stored k : old) {
                    KeyState state = k.state() == KeyState.CURRENT ? KeyState.PREVIOUS : KeyState.RETIRED;
                    next.add(new Stored(k.key(), k.created(), state));
                }
                files.writeRing(next);
                contents = files.read();
                generation.incrementAndGet();
                return info(fresh);
            }
        } catch (IOException e) {
            throw new KeyException("cannot write the key ring in " + files.dir() + ": " + e.getMessage(), e);
        }
    }

    private static String currentName(List<Stored> keys) {
        return keys.stream().filter(k -> k.state() == KeyState.CURRENT).map(k -> k.key().name()).findFirst()
                .orElse("?");
    }

    private String freeName(List<Stored> keys) {
        String base = "ztpbox-" + DAY.format(clock.instant());
        String name = base;
        for (int n = 2; taken(keys, name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private boolean taken(List<Stored> keys, String name) {
        return keys.stream().anyMatch(k -> k.key().name().equals(name)) || Files.exists(files.keyFile(name));
    }

    @Override
    public String keyString(String name) {
        return stored(name).key().keyString();
    }

    @Override
    public byte[] encrypt(byte[] plain, String keyName) {
        return EncryptedConfigFormat.encrypt(stored(keyName).key(), plain, random);
    }

    @Override
    public Decrypted decrypt(byte[] file) {
        EncryptedConfigFormat.Header header = EncryptedConfigFormat.header(file)
                .orElseThrow(EncryptedConfigFormat::notEncrypted);
        return new Decrypted(header.keyName(), EncryptedConfigFormat.decrypt(stored(header.keyName()).key(), file));
    }

    @Override
    public Optional<String> encryptedWith(byte[] content) {
        return EncryptedConfigFormat.header(content).map(EncryptedConfigFormat.Header::keyName);
    }

    @Override
    public long generation() {
        keys();
        return generation.get();
    }
}
