package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.store.SqliteQuarantineStore;

/** Quarantine and restore on real files and the real store: files move, never vanish; records stay. */
class QuarantineServiceTest {

    private static final MacAddress MAC = MacAddress.parse("00:04:F2:AA:81:4C");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path state;
    private SqliteQuarantineStore store;
    private QuarantineService service;
    private Path phoneDir;

    @BeforeEach
    void phoneWithOverrides() throws IOException {
        store = SqliteQuarantineStore.open(state.resolve("ztpbox.db"));
        OverrideFiles files = new OverrideFiles(new UploadDirectory(state.resolve("uploads")));
        service = new QuarantineService(state, files, store, CLOCK);
        phoneDir = Files.createDirectories(state.resolve("uploads/0004f2aa814c"));
        Files.writeString(phoneDir.resolve("0004f2aa814c-phone.cfg"), "<a device.prov.serverName=\"old\"/>");
        Files.writeString(phoneDir.resolve("0004f2aa814c-phone.cfg.previous"), "<a device.prov.serverName=\"older\"/>");
        Files.writeString(phoneDir.resolve("0004f2aa814c-web.cfg"), "<a reg.1.label=\"x\"/>");
        Files.writeString(phoneDir.resolve("0004f2aa814c-app.log"), "log");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void overridesAreMovedAsideWithARecordAndAManifestNeverDeleted() throws IOException {
        QuarantineService.Outcome outcome = service.quarantine(MAC, "alice", "prepare reset",
                List.of("device.prov.serverName"));

        OverrideQuarantine q = outcome.quarantine();
        Path aside = state.resolve(q.location());
        assertThat(q.location()).isEqualTo("quarantine/0004f2aa814c/20240501T100000Z");
        assertThat(q.files()).containsExactly("0004f2aa814c-phone.cfg", "0004f2aa814c-phone.cfg.previous",
                "0004f2aa814c-web.cfg");
        assertThat(aside.resolve("0004f2aa814c-phone.cfg")).hasContent("<a device.prov.serverName=\"old\"/>");
        assertThat(aside.resolve("0004f2aa814c-phone.cfg.previous")).hasContent("<a device.prov.serverName=\"older\"/>");
        assertThat(aside.resolve("0004f2aa814c-web.cfg")).exists();
        assertThat(aside.resolve("QUARANTINE.txt")).content().contains("moved by: alice", "reason: prepare reset",
                "flagged parameters: device.prov.serverName", "ztpbox restore-overrides 00:04:f2:aa:81:4c");
        assertThat(names(phoneDir)).containsExactly("0004f2aa814c-app.log");
        assertThat(outcome.moves()).hasSize(3).allSatisfy(m -> assertThat(m).startsWith("moved uploads/"));
        assertThat(store.active(MAC)).contains(q);
    }

    @Test
    void aSecondQuarantineWhileOneIsActiveIsRefused() throws IOException {
        service.quarantine(MAC, "alice", "prepare reset", List.of());

        assertThatThrownBy(() -> service.quarantine(MAC, "bob", "again", List.of()))
                .isInstanceOf(QuarantineException.class).hasMessageContaining("already quarantined")
                .hasMessageContaining("restore-overrides");
    }

    @Test
    void restoreBringsTheFilesBackAndKeepsAFresherUploadAside() throws IOException {
        OverrideQuarantine q = service.quarantine(MAC, "alice", "prepare reset", List.of()).quarantine();
        // The reset phone uploaded a fresh override meanwhile.
        Files.writeString(phoneDir.resolve("0004f2aa814c-phone.cfg"), "<a up.x=\"fresh\"/>");

        QuarantineService.Outcome restored = service.restore(MAC, "bob", "wrong phone");

        assertThat(phoneDir.resolve("0004f2aa814c-phone.cfg")).hasContent("<a device.prov.serverName=\"old\"/>");
        assertThat(phoneDir.resolve("0004f2aa814c-web.cfg")).exists();
        Path aside = state.resolve(q.location());
        assertThat(aside.resolve("0004f2aa814c-phone.cfg.replaced-20240501T100000Z")).hasContent("<a up.x=\"fresh\"/>");
        assertThat(aside.resolve("QUARANTINE.txt")).content().contains("restored at", "by bob: wrong phone");
        assertThat(restored.quarantine().state()).isEqualTo(OverrideQuarantine.State.RESTORED);
        assertThat(restored.moves()).anySatisfy(m -> assertThat(m).contains("moved the newer"));
        assertThat(store.active()).isEmpty();
        assertThat(store.history(MAC)).singleElement().satisfies(h -> assertThat(h.endedBy()).isEqualTo("bob"));
        assertThatThrownBy(() -> service.restore(MAC, "bob", "again")).isInstanceOf(QuarantineException.class)
                .hasMessageContaining("no quarantined override files");
    }

    @Test
    void theQuarantineSurvivesARestartAndCanBeRestoredAfterIt() throws IOException {
        service.quarantine(MAC, "alice", "prepare reset", List.of());
        store.close();

        store = SqliteQuarantineStore.open(state.resolve("ztpbox.db"));
        service = new QuarantineService(state, new OverrideFiles(new UploadDirectory(state.resolve("uploads"))), store,
                CLOCK);

        assertThat(store.active(MAC)).isPresent();
        service.restore(MAC, "bob", "after restart");
        assertThat(phoneDir.resolve("0004f2aa814c-phone.cfg")).exists();
    }

    @Test
    void aReleasedQuarantineCanStillBeRestored() throws IOException {
        OverrideQuarantine q = service.quarantine(MAC, "alice", "prepare reset", List.of()).quarantine();
        assertThat(service.release(q, "booted clean")).isTrue();
        assertThat(store.active()).isEmpty();

        QuarantineService.Outcome restored = service.restore(MAC, "bob", "needed after all");

        assertThat(restored.quarantine().endReason()).contains("needed after all", "released earlier", "booted clean");
        assertThat(phoneDir.resolve("0004f2aa814c-phone.cfg")).exists();
    }

    @Test
    void aPhoneWithoutOverridesIsStillQuarantinedSoItsNextUploadsAreHidden() throws IOException {
        MacAddress other = MacAddress.parse("64167f30a755");

        QuarantineService.Outcome outcome = service.quarantine(other, "alice", "prepare reset", List.of());

        assertThat(outcome.moves()).isEmpty();
        assertThat(outcome.quarantine().files()).isEmpty();
        assertThat(store.active(other)).isPresent();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
