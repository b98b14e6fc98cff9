package org.ztpbox.provisioning;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.EncryptionKeys;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.KeyDelivery;
import org.ztpbox.core.KeyDeliveryStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Transport;

/**
 * Which encryption key each phone holds and which it gets next. A phone holds a key once it has
 * completely fetched the key file that carried it ({@link KeyDeliveryObserver} reports that); from
 * then on the files that hold credentials are encrypted for it with that key.
 *
 * <p>The key file of a phone is {@code <mac>-key-<KeyDesc>.cfg}: naming the key it carries makes a
 * completed fetch say which key the phone now holds, even when a rotation happens between the
 * request and its end. It is due when the ring's current key is not the one the phone holds: the
 * first key only over HTTPS to a requester that proved to be the phone (see {@link FileRequest#identified()}),
 * a later one over any transport (the file is then encrypted with the
 * key the phone holds; see {@link EncryptingFileCatalog}).
 *
 * <p>What a phone holds is kept in memory and persisted by {@code persist} off the caller's thread
 * (the callers are event loops); a crash in the milliseconds between the two forgets a delivery.
 * {@link #reload()}, run periodically, takes in what another process changed in the store (a
 * {@code ztpbox keys forget} or {@code prepare-reset}: a factory reset erases the phone's key).
 */
public final class KeyDeliveryService implements KeyDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(KeyDeliveryService.class);
    private static final Pattern KEY_FILE = Pattern.compile("([0-9a-fA-F]{12})-key-([A-Za-z0-9._-]{1,64})\\.cfg");
    private static final int MAX_REMEMBERED_SIZES = 100_000;

    /** A key file name taken apart. */
    public record KeyFileName(MacAddress phone, String keyName) {
    }

    private final EncryptionKeys keys;
    private final KeyDeliveryStore store;
    private final Clock clock;
    private final Executor persist;
    private final Map<MacAddress, KeyDeliveryStore.HeldKey> held = new ConcurrentHashMap<>();
    private final Map<String, Long> servedSizes = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    /** Writes handed to {@code persist} and not done yet: the store lags behind memory until they are. */
    private final AtomicLong pendingWrites = new AtomicLong();
    private volatile long storeFingerprint;

    public KeyDeliveryService(EncryptionKeys keys, KeyDeliveryStore store, Clock clock, Executor persist) {
        this.keys = keys;
        this.store = store;
        this.clock = clock;
        this.persist = persist;
        storeFingerprint = store.fingerprint();
        held.putAll(store.loadHeldKeys());
    }

    public EncryptionKeys keys() {
        return keys;
    }

    public static String keyFileName(MacAddress phone, String keyName) {
        return phone.compact() + "-key-" + keyName + ".cfg";
    }

    /** The phone and key a name stands for, when it is a key file's name (its last path component). */
    public static Optional<KeyFileName> parseKeyFileName(String name) {
        Matcher m = KEY_FILE.matcher(name.substring(name.lastIndexOf('/') + 1));
        return m.matches() ? Optional.of(new KeyFileName(MacAddress.parse(m.group(1)), m.group(2)))
                : Optional.empty();
    }

    /** The key the phone holds, when it is still in the ring (a key whose file is gone counts as none). */
    public Optional<String> heldKey(MacAddress phone) {
        KeyDeliveryStore.HeldKey key = phone == null ? null : held.get(phone);
        String name = key == null ? null : key.keyName();
        return name != null && keys.find(name).isPresent() ? Optional.of(name) : Optional.empty();
    }

    /** The ring's current key, the one every phone should end up holding. */
    public Optional<String> currentKey() {
        return keys.current().map(EncryptionKeys.KeyInfo::name);
    }

    @Override
    public Optional<String> keyFileFor(MacAddress phone, Transport transport, boolean identified) {
        Optional<String> current = currentKey();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> holds = heldKey(phone);
        if (holds.equals(current) || (holds.isEmpty() && !(transport.isSecure() && identified))) {
            return Optional.empty();
        }
        return Optional.of(keyFileName(phone, current.get()));
    }

    /** True when {@code keyName} is the key due for the phone: the current one, which it does not hold yet. */
    public boolean isDue(MacAddress phone, String keyName) {
        return currentKey().filter(keyName::equals).isPresent() && !heldKey(phone).equals(Optional.of(keyName));
    }

    /** The plain key file: the key string and the {@code .set} flags a phone needs to store it in flash. */
    public byte[] keyFileContent(String keyName) {
        // device.* parameters apply only with device.set="1" and their own .set="1" (polycom-provisioning.md §3.4).
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<!-- ztpbox: this phone's configuration-file encryption key. Generated; secret. -->\n"
                + "<PHONE_CONFIG>\n"
                + "  <DEVICE device.set=\"1\" device.sec.configEncryption.key.set=\"1\"\n"
                + "          device.sec.configEncryption.key=\"" + keys.keyString(keyName) + "\"/>\n"
                + "</PHONE_CONFIG>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Remembers the size of a key file as served, so that a fetch can be checked for completeness. */
    void served(String fileName, long size) {
        if (servedSizes.size() >= MAX_REMEMBERED_SIZES) {
            servedSizes.clear(); // bounded; a phone that lost its entry fetches the file again next boot
        }
        servedSizes.put(fileName.toLowerCase(Locale.ROOT), size);
    }

    /**
     * A transfer of {@code fileName} to {@code requester} ended having sent {@code bytes}: when that
     * is a whole key file as served, and the requester is the phone the file is for, that phone now
     * holds its key. The requester is who the file server took the client to be (its leased address,
     * certificate or credentials), never the file name: anyone may ask for any phone's key file, and
     * crediting the named phone would have files encrypted for a key it never received.
     */
    public void fetched(MacAddress requester, String fileName, long bytes) {
        Optional<KeyFileName> file = parseKeyFileName(fileName);
        Long size = servedSizes.get(fileName.substring(fileName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
        if (file.isEmpty() || size == null || size != bytes || !file.get().phone().equals(requester)) {
            return;
        }
        MacAddress phone = file.get().phone();
        String keyName = file.get().keyName();
        KeyDeliveryStore.HeldKey key = new KeyDeliveryStore.HeldKey(keyName, clock.instant());
        synchronized (this) {
            KeyDeliveryStore.HeldKey before = held.get(phone);
            if (before != null && before.keyName().equals(keyName)) {
                return;
            }
            held.put(phone, key);
            changes.incrementAndGet();
            pendingWrites.incrementAndGet();
        }
        LOG.info("Phone {} now holds configuration encryption key '{}'", phone, keyName);
        persistLater("record that " + phone + " holds key '" + keyName + "'",
                () -> store.recordDelivered(phone, keyName, key.deliveredAt()));
    }

    /** Forgets what the phone holds: its next key travels as a first key, over HTTPS only. */
    public void forget(MacAddress phone) {
        synchronized (this) {
            if (held.remove(phone) != null) {
                changes.incrementAndGet();
            }
            pendingWrites.incrementAndGet();
        }
        persistLater("forget the key of " + phone, () -> store.forget(phone));
    }

    /**
     * Forgets what the phone holds when it received it before {@code resetAt}: a factory reset
     * erased that key, while a key fetched after the reset is still in the phone.
     *
     * @return whether a key was forgotten
     */
    public boolean forgetIfDeliveredBefore(MacAddress phone, java.time.Instant resetAt) {
        KeyDeliveryStore.HeldKey key = held.get(phone);
        if (key == null || !key.deliveredAt().isBefore(resetAt)) {
            return false;
        }
        forget(phone);
        LOG.info("Phone {} was factory reset at {}: it lost configuration encryption key '{}', forgotten", phone,
                resetAt, key.keyName());
        return true;
    }

    /**
     * Takes in what another process changed in the store since the last call; cheap when nothing
     * did (one aggregate query). Skipped while this process's own writes are on their way, so that a
     * delivery just made is never undone by a store that has not seen it yet.
     *
     * @return whether what phones hold changed
     */
    public boolean reload() {
        long fingerprint = store.fingerprint();
        long changesBefore = changes.get();
        if (fingerprint == storeFingerprint || pendingWrites.get() > 0) {
            return false;
        }
        Map<MacAddress, KeyDeliveryStore.HeldKey> stored = store.loadHeldKeys();
        synchronized (this) {
            if (changes.get() != changesBefore || pendingWrites.get() > 0) {
                return false; // a delivery or forget in between: the next round sees the store with it
            }
            storeFingerprint = fingerprint;
            if (stored.equals(held)) {
                return false;
            }
            held.keySet().stream().filter(mac -> !stored.containsKey(mac)).toList()
                    .forEach(mac -> LOG.info("Phone {} no longer holds a configuration encryption key (forgotten"
                            + " in the store)", mac));
            held.keySet().retainAll(stored.keySet());
            held.putAll(stored);
            changes.incrementAndGet();
            return true;
        }
    }

    private void persistLater(String what, Runnable write) {
        persist.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.warn("Cannot {}: {}", what, e.getMessage());
            } finally {
                pendingWrites.decrementAndGet();
            }
        });
    }

    @Override
    public long generation() {
        return keys.generation() + changes.get(); // both only grow: the sum changes whenever either does
    }
}
