package org.ztpbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;

/** What every {@link InventoryStore} backend must do; each backend's test extends this. */
abstract class InventoryStoreContractTest {

    protected final MacAddress a = MacAddress.parse("00:04:f2:00:00:0a");
    protected final MacAddress b = MacAddress.parse("00:04:f2:00:00:0b");
    protected InventoryStore store;

    protected abstract InventoryStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static Phone phone(MacAddress mac, String extension) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("activation_code", "2.35602E+12");
        extra.put("status", "Not activated");
        return new Phone(mac, "VVX410", extension, "Lisa Black", extension, "s3cr\"et", "pbx.example", "10.0.0.2",
                "SanJose1", extra);
    }

    @Test
    void startsEmptyAtGenerationZero() {
        assertThat(store.phones()).isEmpty();
        assertThat(store.generation()).isZero();
        assertThat(store.find(a)).isEmpty();
    }

    @Test
    void keepsEveryFieldAndTheOrderOfExtras() {
        store.replace(List.of(phone(a, "1013")), "phones.csv");

        Phone found = store.find(a).orElseThrow();
        assertThat(found).isEqualTo(phone(a, "1013"));
        assertThat(found.sipPassword()).isEqualTo("s3cr\"et");
        assertThat(found.extra().keySet()).containsExactly("activation_code", "status");
    }

    @Test
    void anImportReplacesTheWholeInventoryAndAdvancesTheGeneration() {
        long first = store.replace(List.of(phone(a, "1"), phone(b, "2")), "one.csv");
        long second = store.replace(List.of(phone(b, "20")), "two.csv");

        assertThat(store.phones()).containsExactly(phone(b, "20"));
        assertThat(store.find(a)).isEmpty();
        assertThat(second).isGreaterThan(first);
        assertThat(store.generation()).isEqualTo(second);
    }

    @Test
    void evenAnIdenticalImportAdvancesTheGeneration() {
        long first = store.replace(List.of(phone(a, "1")), "x.csv");

        assertThat(store.replace(List.of(phone(a, "1")), "x.csv")).isGreaterThan(first);
    }

    @Test
    void listsPhonesByMac() {
        store.replace(List.of(phone(b, "2"), phone(a, "1")), "x.csv");

        assertThat(store.phones()).extracting(Phone::mac).containsExactly(a, b);
    }

    @Test
    void aMacGivenTwiceChangesNothing() {
        long before = store.replace(List.of(phone(a, "1")), "x.csv");

        assertThatThrownBy(() -> store.replace(List.of(phone(b, "2"), phone(b, "3")), "bad.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("00:04:f2:00:00:0b");
        assertThat(store.phones()).containsExactly(phone(a, "1"));
        assertThat(store.generation()).isEqualTo(before);
    }

    @Test
    void anEmptyImportEmptiesTheInventory() {
        store.replace(List.of(phone(a, "1")), "x.csv");
        store.replace(List.of(), "empty.csv");

        assertThat(store.phones()).isEmpty();
    }
}
