package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.provisioning.PhoneEvents.at;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.CatalogEntry;
import org.ztpbox.core.FileRequest;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.Transport;
import org.ztpbox.store.SqliteLeaseStore;
import org.ztpbox.store.SqliteQuarantineStore;

/** The appliance's periodic side: a quarantine from another process takes effect, a clean boot ends it. */
class QuarantineSupervisorTest {

    private static final MacAddress MAC = MacAddress.parse("0004f2aa814c");

    @TempDir
    Path state;
    private SqliteLeaseStore events;
    private SqliteQuarantineStore quarantines;
    private SqliteQuarantineStore otherProcess;
    private final ActiveQuarantines active = new ActiveQuarantines();
    private QuarantineSupervisor supervisor;
    private QuarantinedOverridesCatalog catalog;

    @BeforeEach
    void appliance() throws IOException {
        Path db = state.resolve("ztpbox.db");
        events = SqliteLeaseStore.open(db);
        quarantines = SqliteQuarantineStore.open(db);
        otherProcess = SqliteQuarantineStore.open(db);
        OverrideFiles files = new OverrideFiles(new UploadDirectory(state.resolve("uploads")));
        Clock clock = Clock.fixed(at(30, 0), ZoneOffset.UTC);
        supervisor = new QuarantineSupervisor(quarantines, active, new QuarantineService(state, files, quarantines,
                clock), files, events, e -> events.commit(List.of(), List.of(e)), Duration.ofMinutes(15), clock);
        Files.createDirectories(state.resolve("files"));
        catalog = new QuarantinedOverridesCatalog(new StaticFileCatalog(state.resolve("files")), active);
        Files.writeString(state.resolve("files/0004f2aa814c-phone.cfg"), "<a device.prov.serverName=\"old\"/>");
    }

    @AfterEach
    void close() {
        events.close();
        quarantines.close();
        otherProcess.close();
    }

    private CatalogEntry override() {
        return catalog.find(new FileRequest("0004f2aa814c-phone.cfg", Ipv4Address.parse("10.0.0.57"), MAC,
                Transport.HTTP, null)).orElseThrow();
    }

    @Test
    void aQuarantineMadeElsewhereIsServedAfterARefreshAndEndsWhenThePhoneBootsClean() throws IOException {
        OverrideQuarantine q = otherProcess.add(OverrideQuarantine.begin(MAC, at(0, 0), "alice", "prepare reset",
                "quarantine/x", List.of(), List.of("device.prov.serverName")));
        assertThat(override().file()).as("not seen before the refresh").isNotNull();

        supervisor.refresh();
        assertThat(override().etag()).isEqualTo("\"empty-override-" + q.id() + "\"");

        PhoneEvents e = new PhoneEvents(MAC);
        events.commit(List.of(), List.of(e.http(at(5, 0), "GET", "/prov/000000000000.cfg", 200),
                e.http(at(5, 1), "GET", "/prov/0004f2aa814c-phone.cfg", 200)));
        List<String> released = supervisor.releaseCleanBoots();

        assertThat(released).singleElement().satisfies(line -> assertThat(line).contains("booted clean",
                "uploaded no override within 15 min"));
        assertThat(quarantines.history(MAC)).singleElement()
                .satisfies(h -> assertThat(h.state()).isEqualTo(OverrideQuarantine.State.RELEASED));
        assertThat(override().file()).as("its own override is served again").isNotNull();
        List<PhoneEvent> timeline = events.events(MAC, 10);
        assertThat(timeline.get(timeline.size() - 1)).satisfies(last -> {
            assertThat(last.source()).isEqualTo("ztpbox");
            assertThat(last.type()).isEqualTo("RELEASE");
        });
    }

    @Test
    void aPhoneThatHasNotBootedStaysQuarantined() throws IOException {
        otherProcess.add(OverrideQuarantine.begin(MAC, at(0, 0), "alice", "prepare reset", "quarantine/x", List.of(),
                List.of()));

        assertThat(supervisor.releaseCleanBoots()).isEmpty();
        assertThat(override().file()).isNull();
    }
}
