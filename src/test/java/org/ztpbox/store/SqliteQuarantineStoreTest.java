package org.ztpbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.OverrideQuarantine.State;
import org.ztpbox.core.StoreException;

class SqliteQuarantineStoreTest {

    private static final MacAddress A = MacAddress.parse("0004f2aa814c");
    private static final MacAddress B = MacAddress.parse("64167f30a755");
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;
    private SqliteQuarantineStore store;

    @AfterEach
    void close() {
        store.close();
    }

    private SqliteQuarantineStore open() {
        return SqliteQuarantineStore.open(dir.resolve("ztpbox.db"));
    }

    private static OverrideQuarantine draft(MacAddress mac) {
        return OverrideQuarantine.begin(mac, T, "alice", "prepare reset", "quarantine/" + mac.compact() + "/x",
                List.of(mac.compact() + "-phone.cfg", mac.compact() + "-web.cfg"), List.of("device.prov.serverName"));
    }

    @Test
    void recordsSurviveReopeningWithEveryField() {
        store = open();
        OverrideQuarantine q = store.add(draft(A));
        store.close();

        store = open();

        assertThat(store.active()).containsExactly(q);
        assertThat(q.id()).isPositive();
        assertThat(store.active(A)).contains(q);
        assertThat(store.active(B)).isEmpty();
        assertThat(store.history(A)).singleElement().satisfies(h -> {
            assertThat(h.files()).containsExactly("0004f2aa814c-phone.cfg", "0004f2aa814c-web.cfg");
            assertThat(h.flagged()).containsExactly("device.prov.serverName");
            assertThat(h.startedBy()).isEqualTo("alice");
        });
    }

    @Test
    void onePhoneHasAtMostOneActiveQuarantine() {
        store = open();
        store.add(draft(A));

        assertThatThrownBy(() -> store.add(draft(A))).isInstanceOf(StoreException.class)
                .hasMessageContaining("already has an active override quarantine");
        assertThat(store.add(draft(B)).mac()).isEqualTo(B);
    }

    @Test
    void aQuarantineEndsOnceAsReleasedOrRestoredAndStaysInTheHistory() {
        store = open();
        OverrideQuarantine q = store.add(draft(A));

        assertThat(store.end(q.id(), State.RELEASED, T.plusSeconds(60), "ztpbox", "booted clean")).isTrue();
        assertThat(store.end(q.id(), State.RELEASED, T.plusSeconds(61), "ztpbox", "again")).isFalse();
        assertThat(store.active()).isEmpty();
        assertThat(store.end(q.id(), State.RESTORED, T.plusSeconds(120), "bob", "wanted back")).isTrue();
        assertThat(store.end(q.id(), State.RESTORED, T.plusSeconds(121), "bob", "twice")).isFalse();

        assertThat(store.history(A)).singleElement().satisfies(h -> {
            assertThat(h.state()).isEqualTo(State.RESTORED);
            assertThat(h.endedBy()).isEqualTo("bob");
            assertThat(h.endedAt()).isEqualTo(T.plusSeconds(120));
        });
        // A new quarantine of the same phone after the old one ended.
        assertThat(store.add(draft(A)).id()).isGreaterThan(q.id());
        assertThat(store.history(A)).hasSize(2);
    }
}
