package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.provisioning.EncryptionFixture.OTHER;
import static org.ztpbox.provisioning.EncryptionFixture.PHONE;
import static org.ztpbox.provisioning.EncryptionFixture.bytes;
import static org.ztpbox.provisioning.EncryptionFixture.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Transport;

/** Every cell of the matrix in {@link EncryptingFileCatalog}'s javadoc, on each transport. */
class EncryptingFileCatalogTest {

    private static final String SECRET = "<PHONE_CONFIG><ALL reg.1.auth.password=\"s3cret\"/></PHONE_CONFIG>\n";
    private static final String USER_FILE = PHONE.compact() + "-user.cfg";

    @TempDir
    Path dir;
    private EncryptionFixture f;

    @BeforeEach
    void setUp() {
        f = new EncryptionFixture(dir, List.of("*-user.cfg", "site.cfg", "*.cfg"));
        f.write("000000000000.cfg", "<APPLICATION CONFIG_FILES=\"site.cfg\"/>\n");
        f.write(PHONE.compact() + ".cfg", "<APPLICATION CONFIG_FILES=\"" + USER_FILE + "\"/>\n");
        f.write(USER_FILE, SECRET);
        f.write("site.cfg", SECRET);
        f.write("sip.ld", "firmware");
        f.write("polycomuc/site.cfg", SECRET);
    }

    /** The phone holds the first key, fetched over HTTPS. */
    private String phoneHoldsFirstKey() {
        String first = f.keys.create("k1").name();
        f.fetchKeyFile(PHONE, Transport.HTTPS);
        assertThat(f.delivery.heldKey(PHONE)).contains(first);
        return first;
    }

    private void assertEncryptedWith(Optional<CatalogEntry> served, String keyName, String plain) {
        assertThat(served).as("served").isPresent();
        byte[] content = bytes(served.get());
        assertThat(f.keys.encryptedWith(content)).as("KeyDesc in the header").contains(keyName);
        assertThat(new String(f.keys.decrypt(content).plain(), StandardCharsets.UTF_8)).isEqualTo(plain);
        assertThat(new String(content, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
    }

    private void assertAsIs(Optional<CatalogEntry> served, String expected) {
        assertThat(served).as("served").isPresent();
        assertThat(text(served.get())).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void masterFilesAreNeverEncryptedEvenWhenAPatternCoversThem(Transport t) {
        phoneHoldsFirstKey();

        assertAsIs(f.find("000000000000.cfg", PHONE, t), "<APPLICATION CONFIG_FILES=\"site.cfg\"/>\n");
        assertAsIs(f.find(PHONE.compact() + ".cfg", PHONE, t), "<APPLICATION CONFIG_FILES=\"" + USER_FILE + "\"/>\n");
        assertAsIs(f.find("000000000000.cfg", null, t), "<APPLICATION CONFIG_FILES=\"site.cfg\"/>\n");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void filesWithoutCredentialsPassUnchanged(Transport t) {
        assertAsIs(f.find("sip.ld", PHONE, t), "firmware");
        phoneHoldsFirstKey();
        assertAsIs(f.find("sip.ld", PHONE, t), "firmware");
        assertThat(f.find("missing.cfg", PHONE, t)).isEmpty();
    }

    @Test
    void credentialsOfAPhoneWithoutAKeyGoOnlyOverHttpsAndInClearThere() {
        f.keys.create("k1");

        assertThat(f.find(USER_FILE, PHONE, Transport.TFTP)).isEmpty();
        assertThat(f.find(USER_FILE, PHONE, Transport.HTTP)).isEmpty();
        assertAsIs(f.find(USER_FILE, PHONE, Transport.HTTPS), SECRET);
        assertThat(f.catalog.refusals()).isEqualTo(2);
    }

    @Test
    void credentialsForAnUnidentifiedClientGoOnlyOverHttps() {
        phoneHoldsFirstKey();

        assertThat(f.find("site.cfg", null, Transport.TFTP)).isEmpty();
        assertThat(f.find("site.cfg", null, Transport.HTTP)).isEmpty();
        assertAsIs(f.find("site.cfg", null, Transport.HTTPS), SECRET);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void credentialsOfAPhoneHoldingAKeyAreEncryptedWithItOnEveryTransport(Transport t) {
        String k1 = phoneHoldsFirstKey();

        assertEncryptedWith(f.find(USER_FILE, PHONE, t), k1, SECRET);
        assertEncryptedWith(f.find("site.cfg", PHONE, t), k1, SECRET);
        assertEncryptedWith(f.find("polycomuc/site.cfg", PHONE, t), k1, SECRET);
    }

    @Test
    void entriesThatSayTheyHoldCredentialsAreEncryptedWithoutAnyPattern() throws Exception {
        EncryptionFixture bare = new EncryptionFixture(dir.resolve("bare"), List.of());
        bare.write("gen.cfg", SECRET);
        StaticFileCatalog generated = new StaticFileCatalog(bare.files);
        EncryptingFileCatalog catalog = new EncryptingFileCatalog(request -> generated.find(request)
                .map(CredentialEntry::new), bare.delivery, name -> false);
        bare.keys.create("k1");

        assertThat(catalog.find(request("gen.cfg", Transport.TFTP))).isEmpty();
        bare.fetchKeyFile(PHONE, Transport.HTTPS);
        byte[] served = bytes(catalog.find(request("gen.cfg", Transport.TFTP)).orElseThrow());
        assertThat(bare.keys.encryptedWith(served)).contains("k1");
    }

    private static org.ztpbox.core.FileRequest request(String name, Transport t) {
        return new org.ztpbox.core.FileRequest(name, org.ztpbox.core.Ipv4Address.parse("10.0.0.9"), PHONE, t, null);
    }

    /** A generated entry that declares its credentials. */
    private record CredentialEntry(CatalogEntry inner) implements CatalogEntry {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public java.time.Instant lastModified() {
            return inner.lastModified();
        }

        @Override
        public String etag() {
            return inner.etag();
        }

        @Override
        public java.nio.channels.SeekableByteChannel open() throws java.io.IOException {
            return inner.open();
        }

        @Override
        public Path file() {
            return inner.file();
        }

        @Override
        public boolean holdsCredentials() {
            return true;
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aFileAlreadyEncryptedOnDiskGoesOnlyToAPhoneHoldingItsKey(Transport t) throws Exception {
        f.keys.create("k1");
        byte[] byAdmin = f.keys.encrypt("<PHONE_CONFIG/>".getBytes(StandardCharsets.UTF_8), "k1");
        java.nio.file.Files.write(f.files.resolve("contacts.xml"), byAdmin);

        assertThat(f.find("contacts.xml", PHONE, t)).as("phone without a key").isEmpty();
        assertThat(f.find("contacts.xml", null, t)).as("unidentified client").isEmpty();
        f.fetchKeyFile(PHONE, Transport.HTTPS);
        assertThat(bytes(f.find("contacts.xml", PHONE, t).orElseThrow())).isEqualTo(byAdmin);
        f.keys.rotate("k2");
        f.fetchKeyFile(PHONE, t);
        assertThat(f.find("contacts.xml", PHONE, t)).as("phone now holding k2").isEmpty();
    }

    @Test
    void theFirstKeyFileGoesOnlyOverHttpsInClearWithTheDeviceParameters() {
        f.keys.create("k1");
        String name = PHONE.compact() + "-key-k1.cfg";

        assertThat(f.delivery.keyFileFor(PHONE, Transport.TFTP, true)).isEmpty();
        assertThat(f.delivery.keyFileFor(PHONE, Transport.HTTP, true)).isEmpty();
        assertThat(f.delivery.keyFileFor(PHONE, Transport.HTTPS, true)).contains(name);
        assertThat(f.find(name, PHONE, Transport.TFTP)).isEmpty();
        assertThat(f.find(name, PHONE, Transport.HTTP)).isEmpty();
        assertThat(f.find(name.toUpperCase(java.util.Locale.ROOT).replace("-KEY-K1.CFG", "-key-k1.cfg"), null,
                Transport.TFTP)).isEmpty();
        assertThat(f.catalog.refusals()).isEqualTo(3);

        String keyFile = text(f.find(name, PHONE, Transport.HTTPS).orElseThrow());
        assertThat(keyFile).contains("device.set=\"1\"", "device.sec.configEncryption.key.set=\"1\"",
                "device.sec.configEncryption.key=\"" + f.keys.keyString("k1") + "\"");
        assertThat(f.delivery.heldKey(PHONE)).as("served is not delivered").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aNewKeyTravelsEncryptedWithThePreviousOneOnAnyTransport(Transport t) {
        phoneHoldsFirstKey();
        f.keys.rotate("k2");
        String name = PHONE.compact() + "-key-k2.cfg";

        assertThat(f.delivery.keyFileFor(PHONE, t, true)).contains(name);
        CatalogEntry keyFile = f.find(name, PHONE, t).orElseThrow();
        byte[] content = bytes(keyFile);
        assertThat(f.keys.encryptedWith(content)).contains("k1");
        assertThat(new String(f.keys.decrypt(content).plain(), StandardCharsets.UTF_8))
                .contains("device.sec.configEncryption.key=\"" + f.keys.keyString("k2") + "\"");
        assertEncryptedWith(f.find(USER_FILE, PHONE, t), "k1", SECRET);

        f.completed(name, keyFile.size(), t);

        assertThat(f.delivery.heldKey(PHONE)).contains("k2");
        assertThat(f.delivery.keyFileFor(PHONE, t, true)).isEmpty();
        assertEncryptedWith(f.find(USER_FILE, PHONE, t), "k2", SECRET);
        assertThat(f.store.rows.get(PHONE).keyName()).isEqualTo("k2");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void keyFilesThatAreNotDueOrNotThePhonesOwnAreRefused(Transport t) {
        phoneHoldsFirstKey();
        String own = PHONE.compact() + "-key-k1.cfg";

        assertThat(f.find(own, PHONE, t)).as("already held").isEmpty();
        f.keys.rotate("k2");
        assertThat(f.find(own, PHONE, t)).as("not the current key").isEmpty();
        assertThat(f.find(PHONE.compact() + "-key-k2.cfg", OTHER, t)).as("asked by another phone").isEmpty();
        assertThat(f.find(PHONE.compact() + "-key-nope.cfg", PHONE, t)).as("unknown key").isEmpty();
    }

    @Test
    void onlyACompleteFetchDeliversTheKey() {
        f.keys.create("k1");
        String name = f.delivery.keyFileFor(PHONE, Transport.HTTPS, true).orElseThrow();
        long size = f.find(name, PHONE, Transport.HTTPS).orElseThrow().size();

        f.completed(name, size - 1, Transport.HTTPS);
        f.observer.record(new org.ztpbox.core.PhoneEvent(java.time.Instant.now(), PHONE, "http", "GET",
                java.util.Map.of("path", "/prov/" + name, "status", "206", "bytes", Long.toString(size))));
        f.observer.record(new org.ztpbox.core.PhoneEvent(java.time.Instant.now(), PHONE, "tftp", "RRQ",
                java.util.Map.of("file", name, "result", "unconfirmed", "bytes", Long.toString(size))));
        f.completed(PHONE.compact() + "-key-k9.cfg", size, Transport.TFTP);
        assertThat(f.delivery.heldKey(PHONE)).isEmpty();
        assertThat(f.forwarded).as("every event passed on").hasSize(4);

        f.completed(name + "?x=1", size, Transport.HTTPS);
        assertThat(f.delivery.heldKey(PHONE)).contains("k1");
    }

    @Test
    void theFirstKeyGoesOnlyToARequesterProvenToBeThePhone() {
        f.keys.create("k1");
        String name = PHONE.compact() + "-key-k1.cfg";

        assertThat(f.delivery.keyFileFor(PHONE, Transport.HTTPS, false)).as("not listed in the master").isEmpty();
        assertThat(f.find(name, PHONE, Transport.HTTPS, false)).as("MAC from the path or User-Agent only").isEmpty();
        assertThat(f.find(name, null, Transport.HTTPS, false)).as("an unknown client").isEmpty();
        assertThat(f.find(name, OTHER, Transport.HTTPS, true)).as("another phone, proven").isEmpty();
        assertThat(f.catalog.refusals()).isEqualTo(3);
        assertThat(f.find(name, PHONE, Transport.HTTPS, true)).isPresent();
    }

    @Test
    void aLaterKeyTravelsEncryptedSoItNeedsNoProof() {
        phoneHoldsFirstKey();
        f.keys.rotate("k2");
        String name = PHONE.compact() + "-key-k2.cfg";

        assertThat(f.delivery.keyFileFor(PHONE, Transport.TFTP, false)).contains(name);
        assertThat(f.find(name, PHONE, Transport.TFTP, false)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TFTP", "HTTPS"})
    void aFetchOfAPhonesKeyFileByAnyoneElseDoesNotCreditThePhone(Transport t) {
        phoneHoldsFirstKey();
        f.keys.rotate("k2");
        String name = f.delivery.keyFileFor(PHONE, t, true).orElseThrow();
        long size = f.find(name, PHONE, t).orElseThrow().size();

        f.completed(OTHER, name, size, t);
        f.completed(null, name, size, t);

        assertThat(f.delivery.heldKey(PHONE)).as("another client fetched it").contains("k1");
        assertThat(f.delivery.heldKey(OTHER)).isEmpty();
        assertThat(f.store.rows).doesNotContainKey(OTHER);
        assertThat(f.delivery.keyFileFor(PHONE, t, true)).as("still due").contains(name);

        f.completed(PHONE, name, size, t);
        assertThat(f.delivery.heldKey(PHONE)).contains("k2");
    }

    @Test
    void aKeyForgottenInTheStoreByAnotherProcessIsForgottenAtTheNextReload() {
        phoneHoldsFirstKey();
        f.write("site.cfg", "<PHONE_CONFIG reg.1.auth.password=\"s3cret\"/>");
        long generation = f.delivery.generation();
        assertThat(f.delivery.reload()).as("nothing changed").isFalse();

        f.store.forget(PHONE); // as 'ztpbox keys forget' or 'prepare-reset' does, beside the appliance
        assertThat(f.delivery.heldKey(PHONE)).as("not before the reload").contains("k1");
        assertThat(f.delivery.reload()).isTrue();

        assertThat(f.delivery.heldKey(PHONE)).isEmpty();
        assertThat(f.delivery.generation()).as("master configurations rebuilt").isNotEqualTo(generation);
        assertThat(f.delivery.keyFileFor(PHONE, Transport.HTTPS, true)).as("the key is given again")
                .contains(PHONE.compact() + "-key-k1.cfg");
        assertThat(f.find("site.cfg", PHONE, Transport.TFTP)).as("never encrypted with the lost key").isEmpty();
    }

    @Test
    void aReloadNeverUndoesADeliveryTheStoreHasNotRecordedYet() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        KeyDeliveryService delivery = new KeyDeliveryService(f.keys, f.store, java.time.Clock.systemUTC(),
                queued::add);
        f.keys.create("k1");
        String name = delivery.keyFileFor(PHONE, Transport.HTTPS, true).orElseThrow();
        delivery.served(name, 100);
        delivery.fetched(PHONE, name, 100);

        f.store.recordDelivered(OTHER, "k1", java.time.Instant.now()); // another process's write meanwhile
        assertThat(delivery.reload()).isFalse();
        assertThat(delivery.heldKey(PHONE)).contains("k1");

        queued.forEach(Runnable::run);
        assertThat(delivery.reload()).isTrue();
        assertThat(delivery.heldKey(PHONE)).contains("k1");
        assertThat(delivery.heldKey(OTHER)).contains("k1");
    }

    @Test
    void aFactoryResetForgetsOnlyAKeyDeliveredBeforeIt() {
        phoneHoldsFirstKey();
        java.time.Instant deliveredAt = f.store.rows.get(PHONE).deliveredAt();

        assertThat(f.delivery.forgetIfDeliveredBefore(PHONE, deliveredAt.minusSeconds(1)))
                .as("the phone fetched its key again after the reset").isFalse();
        assertThat(f.delivery.heldKey(PHONE)).contains("k1");

        assertThat(f.delivery.forgetIfDeliveredBefore(PHONE, deliveredAt.plusSeconds(1))).isTrue();
        assertThat(f.delivery.heldKey(PHONE)).isEmpty();
        assertThat(f.store.rows).doesNotContainKey(PHONE);
    }

    @Test
    void aRotationBetweenServingAndCompletionRecordsTheKeyTheFileCarried() {
        phoneHoldsFirstKey();
        f.keys.rotate("k2");
        String name = f.delivery.keyFileFor(PHONE, Transport.TFTP, true).orElseThrow();
        long size = f.find(name, PHONE, Transport.TFTP).orElseThrow().size();
        f.keys.rotate("k3");

        f.completed(name, size, Transport.TFTP);

        assertThat(f.delivery.heldKey(PHONE)).contains("k2");
        assertThat(f.delivery.keyFileFor(PHONE, Transport.TFTP, true)).contains(PHONE.compact() + "-key-k3.cfg");
    }

    @Test
    void encryptionsAreCachedAndRenewedWhenTheFileOrTheKeysChange() throws Exception {
        phoneHoldsFirstKey();
        CatalogEntry first = f.find(USER_FILE, PHONE, Transport.TFTP).orElseThrow();
        CatalogEntry again = f.find(USER_FILE, PHONE, Transport.HTTP).orElseThrow();
        assertThat(again.etag()).isEqualTo(first.etag());
        assertThat(bytes(again)).isEqualTo(bytes(first));

        f.write(USER_FILE, SECRET.replace("s3cret", "n3w-s3cret"));
        java.nio.file.Files.setLastModifiedTime(f.files.resolve(USER_FILE),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
        CatalogEntry changed = f.find(USER_FILE, PHONE, Transport.TFTP).orElseThrow();
        assertThat(changed.etag()).isNotEqualTo(first.etag());
        assertThat(new String(f.keys.decrypt(bytes(changed)).plain(), StandardCharsets.UTF_8)).contains("n3w-s3cret");

        f.keys.rotate("k2");
        CatalogEntry afterRotation = f.find(USER_FILE, PHONE, Transport.TFTP).orElseThrow();
        assertThat(afterRotation.etag()).as("new keys drop the cache").isNotEqualTo(changed.etag());
        assertThat(f.keys.encryptedWith(bytes(afterRotation))).as("still the key the phone holds").contains("k1");
    }

    @Test
    void aPhoneWhoseKeyLeftTheRingCountsAsHoldingNone() throws Exception {
        phoneHoldsFirstKey();
        f.keys.rotate("k2");
        java.nio.file.Files.writeString(dir.resolve("keys/ring"), "k2 current\n");

        assertThat(f.delivery.heldKey(PHONE)).isEmpty();
        assertThat(f.find(USER_FILE, PHONE, Transport.TFTP)).isEmpty();
        assertAsIs(f.find(USER_FILE, PHONE, Transport.HTTPS), SECRET);
        assertThat(f.delivery.keyFileFor(PHONE, Transport.TFTP, true)).isEmpty();
        assertThat(f.delivery.keyFileFor(PHONE, Transport.HTTPS, true)).contains(PHONE.compact() + "-key-k2.cfg");
    }

    @Test
    void withoutAnyKeyNothingIsDueAndCredentialsStayOnHttps() {
        assertThat(f.delivery.keyFileFor(PHONE, Transport.HTTPS, true)).isEmpty();
        assertThat(f.find(USER_FILE, PHONE, Transport.TFTP)).isEmpty();
        assertAsIs(f.find(USER_FILE, PHONE, Transport.HTTPS), SECRET);
    }

    @Test
    void whatAPhoneHoldsSurvivesARestartThroughTheStore() {
        phoneHoldsFirstKey();

        KeyDeliveryService restarted = new KeyDeliveryService(f.keys, f.store, java.time.Clock.systemUTC(),
                Runnable::run);

        assertThat(restarted.heldKey(PHONE)).contains("k1");
        assertThat(restarted.heldKey(OTHER)).isEmpty();
        restarted.forget(PHONE);
        assertThat(restarted.heldKey(PHONE)).isEmpty();
        assertThat(f.store.rows).doesNotContainKey(PHONE);
    }

    /**
     * Whatever happens in whatever order (keys created and rotated, key files served and fetched
     * or abandoned), an encrypted file is only ever served encrypted with the key its phone holds.
     */
    @Test
    void aFileIsNeverServedEncryptedWithAKeyThePhoneWasNotGiven() {
        java.util.Random random = new java.util.Random(5);
        MacAddress[] phones = {PHONE, OTHER};
        f.write(OTHER.compact() + "-user.cfg", SECRET);
        java.util.Map<MacAddress, String> given = new java.util.HashMap<>();
        int encrypted = 0;
        for (int step = 0; step < 400; step++) {
            MacAddress phone = phones[random.nextInt(phones.length)];
            Transport t = Transport.values()[random.nextInt(3)];
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (f.keys.current().isEmpty()) {
                        f.keys.create(null);
                    } else {
                        f.keys.rotate(null);
                    }
                }
                case 1, 2 -> f.delivery.keyFileFor(phone, t, true).ifPresent(name -> f.find(name, phone, t).ifPresent(e -> {
                    if (random.nextBoolean()) { // the phone got it all, and now holds what the name says
                        f.observer.record(new org.ztpbox.core.PhoneEvent(java.time.Instant.now(), phone, "tftp", "RRQ",
                                java.util.Map.of("file", name, "result", "completed", "bytes",
                                        Long.toString(e.size()))));
                        given.put(phone, KeyDeliveryService.parseKeyFileName(name).orElseThrow().keyName());
                    }
                }));
                default -> {
                    String file = random.nextBoolean() ? phone.compact() + "-user.cfg" : "site.cfg";
                    Optional<CatalogEntry> served = f.find(file, phone, t);
                    if (served.isPresent()) {
                        Optional<String> with = f.keys.encryptedWith(bytes(served.get()));
                        if (with.isPresent()) {
                            encrypted++;
                            assertThat(with).as("step %d: %s for %s over %s", step, file, phone, t)
                                    .isEqualTo(Optional.ofNullable(given.get(phone)));
                        } else {
                            assertThat(t).as("step %d: plain credentials only over HTTPS", step)
                                    .isEqualTo(Transport.HTTPS);
                        }
                    }
                }
            }
        }
        assertThat(encrypted).as("the walk did serve encrypted files").isGreaterThan(20);
    }
}
