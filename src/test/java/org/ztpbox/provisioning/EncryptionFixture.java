package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.Transport;
import org.ztpbox.crypto.KeyRing;

/** A key ring, a delivery service and the encrypting catalog over a real directory of files. */
final class EncryptionFixture {

    static final MacAddress PHONE = MacAddress.parse("0004f2aa814c");
    static final MacAddress OTHER = MacAddress.parse("0004f2000002");

    final Path files;
    final KeyRing keys;
    final InMemoryKeyDeliveryStore store = new InMemoryKeyDeliveryStore();
    final KeyDeliveryService delivery;
    final EncryptingFileCatalog catalog;
    final KeyDeliveryObserver observer;
    final java.util.List<PhoneEvent> forwarded = new java.util.concurrent.CopyOnWriteArrayList<>();

    EncryptionFixture(Path dir, List<String> credentialFiles) {
        try {
            files = Files.createDirectories(dir.resolve("files"));
            keys = new KeyRing(dir.resolve("keys"), Clock.systemUTC(), new SecureRandom(), Duration.ZERO);
            delivery = new KeyDeliveryService(keys, store, Clock.systemUTC(), Runnable::run);
            catalog = new EncryptingFileCatalog(new StaticFileCatalog(files), delivery,
                    new CredentialFileNames(credentialFiles));
            observer = new KeyDeliveryObserver(forwarded::add, delivery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String name, String content) {
        try {
            Path file = files.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request by {@code phone} as proven by a certificate or per-phone credentials (null: unknown client). */
    Optional<CatalogEntry> find(String name, MacAddress phone, Transport transport) {
        return find(name, phone, transport, phone != null);
    }

    Optional<CatalogEntry> find(String name, MacAddress phone, Transport transport, boolean identified) {
        return catalog.find(new FileRequest(name, Ipv4Address.parse("10.0.0.9"), phone, transport, null, identified));
    }

    static byte[] bytes(CatalogEntry entry) {
        try (SeekableByteChannel channel = entry.open()) {
            ByteBuffer buffer = ByteBuffer.allocate((int) entry.size());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // whole entry
            }
            assertThat(buffer.hasRemaining()).as("entry shorter than its size").isFalse();
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(CatalogEntry entry) {
        return new String(bytes(entry), StandardCharsets.UTF_8);
    }

    /** Fetches the phone's key file over {@code transport} to the end, as the TFTP server reports it. */
    CatalogEntry fetchKeyFile(MacAddress phone, Transport transport) {
        String name = delivery.keyFileFor(phone, transport, true).orElseThrow();
        CatalogEntry entry = find(name, phone, transport).orElseThrow();
        completed(name, entry.size(), transport);
        return entry;
    }

    void completed(String name, long bytes, Transport transport) {
        completed(PHONE, name, bytes, transport);
    }

    /** A completed fetch by {@code requester}: who the file server took the client to be (null: unknown). */
    void completed(MacAddress requester, String name, long bytes, Transport transport) {
        if (transport == Transport.TFTP) {
            observer.record(new PhoneEvent(java.time.Instant.now(), requester, "tftp", "RRQ", Map.of("file", name,
                    "result", "completed", "bytes", Long.toString(bytes))));
        } else {
            observer.record(new PhoneEvent(java.time.Instant.now(), requester, "http", "GET", Map.of("path",
                    "/prov/" + name, "status", "200", "bytes", Long.toString(bytes),
                    "transport", transport.name().toLowerCase(java.util.Locale.ROOT))));
        }
    }
}
