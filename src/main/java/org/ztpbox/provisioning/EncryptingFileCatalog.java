package org.ztpbox.provisioning;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.EncryptionKeys;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.KeyException;
import org.ztpbox.core.MacAddress;
import org.ztpbox.provisioning.KeyDeliveryService.KeyFileName;

/**
 * Wraps the catalog so that credentials never travel in clear over TFTP or plain HTTP and no
 * phone is ever served a file encrypted with a key it was not given. It also answers for the key
 * files ({@code <mac>-key-<KeyDesc>.cfg}, see {@link KeyDeliveryService}).
 *
 * <p>"Holds K": the phone completely fetched the key file of K, and K is still in the key ring.
 * The phone is the request's ({@link FileRequest#phone()}: from the file name, the client's
 * address, a certificate, per-phone credentials or the User-Agent); unknown counts as holding no key.
 *
 * <table>
 * <caption>What a request gets</caption>
 * <tr><th>entry</th><th>phone holds</th><th>TFTP, HTTP</th><th>HTTPS</th></tr>
 * <tr><td>master ({@code 000000000000.cfg}, {@code <mac>.cfg})</td><td>any</td>
 *     <td>as is</td><td>as is (never encrypted: phones cannot decrypt a master file)</td></tr>
 * <tr><td>no credentials</td><td>any</td><td>as is</td><td>as is</td></tr>
 * <tr><td>credentials ({@link CatalogEntry#holdsCredentials()} or
 *     {@code provisioning.credential-files})</td><td>no key</td>
 *     <td>refused (not found)</td><td>plain (inside TLS)</td></tr>
 * <tr><td>credentials</td><td>K</td><td>encrypted with K</td><td>encrypted with K</td></tr>
 * <tr><td>already encrypted on disk with key E</td><td>E</td><td>as is</td><td>as is</td></tr>
 * <tr><td>already encrypted with E</td><td>no key, or another key</td><td>refused</td><td>refused</td></tr>
 * <tr><td>key file of the current key C, due (phone does not hold C)</td><td>no key</td>
 *     <td>refused</td><td>plain: the first key, only when the requester proved to be the phone
 *     ({@link FileRequest#identified()}); else refused</td></tr>
 * <tr><td>key file of C, due</td><td>K (older)</td><td>encrypted with K</td><td>encrypted with K</td></tr>
 * <tr><td>key file not due (phone holds C, or not the current key), or another phone's</td><td>any</td>
 *     <td>refused</td><td>refused</td></tr>
 * </table>
 *
 * <p>Refusals answer "not found", are counted and logged (at most one line a second). Encrypted
 * content is cached per (file, its ETag, key) and dropped when the keys change.
 */
public final class EncryptingFileCatalog implements FileCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptingFileCatalog.class);
    /** Credential files are configuration files; a larger one is refused rather than held in memory. */
    static final int MAX_ENCRYPTED_SIZE = 16 << 20;
    private static final long CACHE_BYTES = 64L << 20;
    private static final int HEADER_BYTES = 256;
    private static final int MAX_SNIFFED = 4096;
    private static final Pattern MASTER = Pattern.compile("[0-9a-fA-F]{12}\\.cfg");

    private final FileCatalog inner;
    private final KeyDeliveryService delivery;
    private final EncryptionKeys keys;
    private final Predicate<String> credentialNames;
    private final EncryptedEntryCache cache = new EncryptedEntryCache(CACHE_BYTES);
    private final Map<String, Sniffed> sniffed = new ConcurrentHashMap<>();
    private final LongAdder refusals = new LongAdder();
    private final AtomicLong lastRefusalLog = new AtomicLong(Long.MIN_VALUE / 2);

    /** Whether a file on disk is already encrypted, and with which key; valid while its ETag is. */
    private record Sniffed(String etag, Optional<String> keyName) {
    }

    /** @param credentialNames served names that hold credentials besides entries that say so */
    public EncryptingFileCatalog(FileCatalog inner, KeyDeliveryService delivery, Predicate<String> credentialNames) {
        this.inner = inner;
        this.delivery = delivery;
        this.keys = delivery.keys();
        this.credentialNames = credentialNames;
    }

    /** Requests refused so far (key files over plain channels, credentials without a key, foreign keys). */
    public long refusals() {
        return refusals.sum();
    }

    @Override
    public Optional<CatalogEntry> find(FileRequest request) {
        Optional<KeyFileName> keyFile = KeyDeliveryService.parseKeyFileName(request.name());
        if (keyFile.isPresent()) {
            return keyFile(request, keyFile.get());
        }
        Optional<CatalogEntry> found = inner.find(request);
        if (found.isEmpty() || isMaster(request.name())) {
            return found;
        }
        CatalogEntry entry = found.get();
        Optional<String> held = delivery.heldKey(request.phone());
        Optional<String> encryptedWith = encryptedWith(entry);
        if (encryptedWith.isPresent()) {
            return encryptedWith.equals(held) ? found : refuse(request, "it is encrypted with key '"
                    + encryptedWith.get() + "', which the phone does not hold");
        }
        if (!entry.holdsCredentials() && !credentialNames.test(entry.name())) {
            return found;
        }
        if (held.isPresent()) {
            return encrypted(request, entry, held.get());
        }
        return request.transport().isSecure() ? found : refuse(request,
                "it holds credentials and the phone holds no encryption key yet: HTTPS only");
    }

    private Optional<CatalogEntry> keyFile(FileRequest request, KeyFileName file) {
        MacAddress phone = file.phone();
        if (request.phone() != null && !request.phone().equals(phone)) {
            return refuse(request, "it is the key file of another phone");
        }
        if (!delivery.isDue(phone, file.keyName())) {
            return refuse(request, "it is not the key due for " + phone);
        }
        Optional<String> held = delivery.heldKey(phone);
        if (held.isEmpty() && !request.transport().isSecure()) {
            return refuse(request, "a phone's first key travels only over HTTPS");
        }
        if (held.isEmpty() && !(request.identified() && phone.equals(request.phone()))) {
            // In clear inside TLS: any client that can name the phone would otherwise get its key.
            return refuse(request, "a phone's first key goes only to the phone proven by its client certificate or"
                    + " per-phone credentials");
        }
        String name = KeyDeliveryService.keyFileName(phone, file.keyName());
        ContentEntry plain;
        try {
            Instant created = keys.find(file.keyName()).map(EncryptionKeys.KeyInfo::created).orElse(Instant.EPOCH);
            plain = new ContentEntry(name, delivery.keyFileContent(file.keyName()), created,
                    "\"key-" + file.keyName() + "\"", true);
        } catch (KeyException e) { // the key left the ring since isDue: an admin edited it by hand
            return refuse(request, e.getMessage());
        }
        Optional<CatalogEntry> served = held.isEmpty() ? Optional.of(plain) : encrypted(request, plain, held.get());
        served.ifPresent(e -> delivery.served(name, e.size()));
        return served;
    }

    private Optional<CatalogEntry> encrypted(FileRequest request, CatalogEntry entry, String keyName) {
        if (entry.size() > MAX_ENCRYPTED_SIZE) {
            return refuse(request, "it holds credentials and is too large to encrypt (" + entry.size() + " bytes)");
        }
        try {
            return Optional.of(cache.get(new EncryptedEntryCache.Key(entry.name(), entry.etag(), keyName),
                    keys.generation(), () -> {
                        byte[] content = keys.encrypt(read(entry), keyName);
                        String etag = "\"enc-" + keyName + "-" + HexFormat.of().toHexDigits(
                                ThreadLocalRandom.current().nextLong()) + "\"";
                        return new ContentEntry(entry.name(), content, entry.lastModified(), etag, true);
                    }));
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("Cannot read {} to encrypt it: {}", entry.name(), e.getCause().toString());
            return Optional.empty();
        } catch (KeyException e) { // the held key left the ring since it was looked up
            return refuse(request, e.getMessage());
        }
    }

    private Optional<String> encryptedWith(CatalogEntry entry) {
        String etag = entry.etag();
        Sniffed known = sniffed.get(entry.name());
        if (known != null && known.etag().equals(etag)) {
            return known.keyName();
        }
        Optional<String> keyName;
        try {
            keyName = keys.encryptedWith(prefix(entry));
        } catch (IOException e) {
            keyName = Optional.empty(); // the server reading it next will report the failure
        }
        if (sniffed.size() >= MAX_SNIFFED) {
            sniffed.clear();
        }
        sniffed.put(entry.name(), new Sniffed(etag, keyName));
        return keyName;
    }

    private static byte[] prefix(CatalogEntry entry) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(HEADER_BYTES, entry.size()));
        try (SeekableByteChannel channel = entry.open()) {
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // until the header is in or the file ends
            }
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static byte[] read(CatalogEntry entry) {
        try (SeekableByteChannel channel = entry.open()) {
            ByteBuffer buffer = ByteBuffer.allocate((int) entry.size());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // whole file
            }
            if (buffer.hasRemaining()) {
                throw new IOException("the file shrank while being read");
            }
            return buffer.array();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isMaster(String name) {
        return MASTER.matcher(name.substring(name.lastIndexOf('/') + 1)).matches();
    }

    private Optional<CatalogEntry> refuse(FileRequest request, String reason) {
        refusals.increment();
        long now = System.nanoTime() / 1_000_000;
        long last = lastRefusalLog.get();
        if (now - last >= 1000 && lastRefusalLog.compareAndSet(last, now)) {
            LOG.info("Refused {} to {} over {}: {}", request.name(),
                    request.phone() == null ? "an unidentified client" : request.phone(), request.transport(), reason);
        }
        return Optional.empty();
    }
}
