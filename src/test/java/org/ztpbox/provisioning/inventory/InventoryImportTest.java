package org.ztpbox.provisioning.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;
import org.ztpbox.provisioning.inventory.InventoryImport.Change;

class InventoryImportTest {

    private final MacAddress a = MacAddress.parse("0004f2000001");
    private final MacAddress b = MacAddress.parse("0004f2000002");
    private final MacAddress c = MacAddress.parse("0004f2000003");

    private static Phone phone(MacAddress mac, String name, String password, String macPassword) {
        return new Phone(mac, "VVX410", "101", name, "101", password, "", "", "HQ",
                Map.of("mac_password", macPassword));
    }

    @Test
    void theFileReplacesTheInventory() {
        InventoryImport.Plan plan = InventoryImport.plan(List.of(phone(a, "Ann", "p", "m"), phone(b, "Bob", "p", "m")),
                List.of(phone(b, "Robert", "p", "m"), phone(c, "Cid", "p", "m")), false);

        assertThat(plan.phones()).containsExactly(phone(b, "Robert", "p", "m"), phone(c, "Cid", "p", "m"));
        assertThat(plan.changes()).containsExactly(new Change(Change.Kind.CHANGED, b, List.of("display_name")),
                new Change(Change.Kind.ADDED, c, List.of()), new Change(Change.Kind.REMOVED, a, List.of()));
    }

    @Test
    void anEmptySecretCellKeepsTheStoredSecret() {
        InventoryImport.Plan plan = InventoryImport.plan(List.of(phone(a, "Ann", "old-pw", "old-mp")),
                List.of(phone(a, "Anna", "", "")), false);

        assertThat(plan.phones()).containsExactly(phone(a, "Anna", "old-pw", "old-mp"));
        assertThat(plan.secretsKept()).isEqualTo(1);
        assertThat(plan.changes()).containsExactly(new Change(Change.Kind.CHANGED, a, List.of("display_name")));
    }

    @Test
    void aGivenSecretReplacesTheStoredOneAndIsNamedButNotShown() {
        InventoryImport.Plan plan = InventoryImport.plan(List.of(phone(a, "Ann", "old", "m")),
                List.of(phone(a, "Ann", "new", "m")), false);

        assertThat(plan.phones()).containsExactly(phone(a, "Ann", "new", "m"));
        assertThat(plan.changes()).containsExactly(new Change(Change.Kind.CHANGED, a, List.of("sip_password")));
        assertThat(plan.changes().toString()).doesNotContain("old", "new,");
    }

    @Test
    void clearEmptySecretsReallyClearsThem() {
        InventoryImport.Plan plan = InventoryImport.plan(List.of(phone(a, "Ann", "old", "m")),
                List.of(phone(a, "Ann", "", "")), true);

        assertThat(plan.phones()).containsExactly(phone(a, "Ann", "", ""));
        assertThat(plan.secretsKept()).isZero();
        assertThat(plan.changes().get(0).fields()).containsExactly("sip_password", "mac_password");
    }

    @Test
    void aNewPhoneWithAnEmptyPasswordHasNone() {
        InventoryImport.Plan plan = InventoryImport.plan(List.of(phone(a, "Ann", "pw", "m")),
                List.of(phone(b, "Bob", "", "")), false);

        assertThat(plan.phones()).containsExactly(phone(b, "Bob", "", ""));
    }

    @Test
    void theSameFileAgainChangesNothing() {
        List<Phone> phones = List.of(phone(a, "Ann", "p", "m"), phone(b, "Bob", "q", "n"));

        InventoryImport.Plan plan = InventoryImport.plan(phones, phones, false);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.phones()).isEqualTo(phones);
    }
}
