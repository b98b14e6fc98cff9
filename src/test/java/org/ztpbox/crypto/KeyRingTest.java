package org.ztpbox.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.EncryptionKeys.KeyInfo;
import org.ztpbox.core.EncryptionKeys.KeyState;
import org.ztpbox.core.KeyException;
import org.ztpbox.http.auth.MutableClock;

class KeyRingTest {

    @TempDir
    Path state;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T10:00:00Z"), ZoneOffset.UTC);

    private Path keys() {
        return state.resolve("keys");
    }

    private KeyRing ring() {
        return new KeyRing(keys(), clock, new SecureRandom(), Duration.ZERO);
    }

    @Test
    void anEmptyDirectoryHasNoKeys() {
        KeyRing ring = ring();

        assertThat(ring.list()).isEmpty();
        assertThat(ring.current()).isEmpty();
        assertThat(keys()).doesNotExist();
    }

    @Test
    void createWritesAnOwnerOnlyDirectoryAndFilesAndLeavesNoTemporaryFile() throws IOException {
        KeyInfo first = ring().create(null);

        assertThat(first).isEqualTo(new KeyInfo("ztpbox-20261103", clock.instant(), KeyState.CURRENT));
        assertThat(Files.getPosixFilePermissions(keys())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.list(keys())) {
            List<Path> all = files.toList();
            assertThat(all).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("ring", "ztpbox-20261103.key", ".lock");
            for (Path file : all) {
                assertThat(Files.getPosixFilePermissions(file)).as("%s", file)
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
        assertThat(Files.readString(keys().resolve("ztpbox-20261103.key")))
                .contains("created=2026-11-03T10:00:00Z")
                .containsPattern("key=Crypt=1;KeyDesc=ztpbox-20261103;Key=[0-9a-f]{32};");
    }

    @Test
    void createRefusesWhenAKeyExistsAndRotateWhenNoneDoes() {
        KeyRing ring = ring();
        assertThatThrownBy(() -> ring.rotate(null)).isInstanceOf(KeyException.class)
                .hasMessageContaining("'ztpbox keys create' makes the first one");
        ring.create("office-1");

        assertThatThrownBy(() -> ring.create("office-2")).isInstanceOf(KeyException.class)
                .hasMessage("the key ring already has a current key ('office-1'); 'ztpbox keys rotate' replaces it");
        assertThat(ring.list()).hasSize(1);
    }

    @Test
    void rotateMakesANewCurrentKeyAndMovesTheOthersDownKeepingTheirMaterial() {
        KeyRing ring = ring();
        ring.create("k1");
        String k1 = ring.keyString("k1");
        clock.advance(Duration.ofDays(30));
        ring.rotate("k2");
        clock.advance(Duration.ofDays(30));
        ring.rotate("k3");

        assertThat(ring.list()).extracting(KeyInfo::name, KeyInfo::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("k3", KeyState.CURRENT),
                org.assertj.core.groups.Tuple.tuple("k2", KeyState.PREVIOUS),
                org.assertj.core.groups.Tuple.tuple("k1", KeyState.RETIRED));
        assertThat(ring.keyString("k1")).isEqualTo(k1);
        assertThat(ring.keyString("k3")).isNotEqualTo(ring.keyString("k2"));
        assertThat(ring().list()).as("read back from disk").isEqualTo(ring.list());
    }

    @Test
    void generatedNamesAreUniquePerDay() {
        KeyRing ring = ring();
        ring.create(null);
        ring.rotate(null);
        ring.rotate(null);

        assertThat(ring.list()).extracting(KeyInfo::name)
                .containsExactly("ztpbox-20261103-3", "ztpbox-20261103-2", "ztpbox-20261103");
    }

    @Test
    void refusesAnExistingOrInvalidName() {
        KeyRing ring = ring();
        ring.create("k1");

        assertThatThrownBy(() -> ring.rotate("k1")).hasMessage("a key named 'k1' exists already; choose another name");
        assertThatThrownBy(() -> ring.rotate("../evil")).isInstanceOf(KeyException.class)
                .hasMessageContaining("1-64 letters, digits");
        assertThat(ring.current()).get().extracting(KeyInfo::name).isEqualTo("k1");
    }

    @Test
    void anotherInstanceSeesARotationThroughTheRingFile() {
        KeyRing appliance = ring();
        KeyRing command = ring();
        command.create("k1");
        long before = appliance.generation();

        assertThat(appliance.current()).get().extracting(KeyInfo::name).isEqualTo("k1");
        command.rotate("k2");

        assertThat(appliance.current()).get().extracting(KeyInfo::name).isEqualTo("k2");
        assertThat(appliance.generation()).isGreaterThan(before);
    }

    @Test
    void encryptsWithANamedKeyAndDecryptsByTheNameInTheHeader() {
        KeyRing ring = ring();
        ring.create("k1");
        byte[] plain = "<PHONE_CONFIG/>".getBytes(StandardCharsets.UTF_8);
        byte[] old = ring.encrypt(plain, "k1");
        ring.rotate("k2");

        assertThat(ring.encryptedWith(old)).contains("k1");
        assertThat(ring.decrypt(old).keyName()).isEqualTo("k1");
        assertThat(ring.decrypt(old).plain()).isEqualTo(plain);
        assertThat(ring.decrypt(ring.encrypt(plain, "k2")).keyName()).isEqualTo("k2");
        assertThatThrownBy(() -> ring.encrypt(plain, "nope")).hasMessageStartingWith("no key named 'nope'");
    }

    @Test
    void aKeyFileLeftReadableByOthersIsTightenedOnLoad() throws IOException {
        ring().create("k1");
        Path file = keys().resolve("k1.key");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(ring().current()).isPresent();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aDamagedRingIsReportedWithItsLine() throws IOException {
        ring().create("k1");
        Files.writeString(keys().resolve("ring"), "# comment\nk1 current\nk2 sideways\n");

        assertThatThrownBy(this::ring).isInstanceOf(KeyException.class)
                .hasMessageContaining("ring line 3: expected '<key name> current|previous|retired'");

        Files.writeString(keys().resolve("ring"), "k1 current\nk9 previous\n");
        assertThatThrownBy(this::ring).hasMessageContaining("lists 'k9' but").hasMessageContaining("k9.key is missing");

        Files.writeString(keys().resolve("ring"), "k1 previous\n");
        assertThatThrownBy(this::ring).hasMessageContaining("0 keys are marked current, exactly one must be");
    }

    @Test
    void aKeyFileWhoseNameDiffersFromItsKeyDescIsRefused() throws IOException {
        ring().create("k1");
        Files.move(keys().resolve("k1.key"), keys().resolve("k2.key"));
        Files.writeString(keys().resolve("ring"), "k2 current\n");

        assertThatThrownBy(this::ring).hasMessageContaining("holds the key named 'k1'");
    }
}
