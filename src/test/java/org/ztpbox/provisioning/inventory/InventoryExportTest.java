package org.ztpbox.provisioning.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;

class InventoryExportTest {

    private static Phone awkward(String mac) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("activation_code", "2.35602E+12");
        extra.put("mac_password", "kSIA;FGXr");
        extra.put("notes", "desk 3, \"by the window\"");
        return new Phone(MacAddress.parse(mac), "VVX410", "0101", "Black, Lisa", "lisa", "p\"w,;d", "pbx.example",
                "10.0.0.2:5060", "Zürich", extra);
    }

    private static List<Phone> phones() {
        return List.of(awkward("0004f2000001"),
                new Phone(MacAddress.parse("0004f2000002"), "Grandstream X", "", "", "", "", "", "", "",
                        Map.of("activation_code", "", "mac_password", "", "notes", "")));
    }

    private static ParsedInventory reimport(String csv) {
        return new InventoryParser().parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesCanonicalHeadersThenExtras() {
        String csv = InventoryExport.csv(phones(), true);

        assertThat(csv).startsWith("mac,model,extension,display_name,sip_user,sip_password,auth_domain,registrar,site,"
                + "activation_code,mac_password,notes\r\n"
                + "00:04:f2:00:00:01,VVX410,0101,\"Black, Lisa\",lisa,\"p\"\"w,;d\",pbx.example,10.0.0.2:5060,Zürich,"
                + "2.35602E+12,\"kSIA;FGXr\",\"desk 3, \"\"by the window\"\"\"\r\n");
    }

    @Test
    void exportWithSecretsThenImportIsAFixedPoint() {
        String csv = InventoryExport.csv(phones(), true);
        ParsedInventory parsed = reimport(csv);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.phones()).isEqualTo(phones());
        assertThat(InventoryExport.csv(parsed.phones(), true)).isEqualTo(csv);
        assertThat(InventoryImport.plan(phones(), parsed.phones(), false).changes()).isEmpty();
    }

    @Test
    void exportWithoutSecretsLeavesThemOutAndImportingItBackKeepsThem() {
        String csv = InventoryExport.csv(phones(), false);

        assertThat(csv).doesNotContain("p\"\"w", "kSIA");
        ParsedInventory parsed = reimport(csv);
        assertThat(parsed.phones().get(0).sipPassword()).isEmpty();
        InventoryImport.Plan plan = InventoryImport.plan(phones(), parsed.phones(), false);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.phones()).isEqualTo(phones());
    }

    @Test
    void anEmptyInventoryExportsAHeaderThatImportsAsEmpty() {
        String csv = InventoryExport.csv(List.of(), true);

        assertThat(csv).isEqualTo("mac,model,extension,display_name,sip_user,sip_password,auth_domain,registrar,site\r\n");
        assertThat(reimport(csv).phones()).isEmpty();
        assertThat(reimport(csv).problems()).isEmpty();
    }

    @Test
    void quotesOnlyWhatNeedsIt() {
        StringBuilder out = new StringBuilder();
        InventoryExport.quote(out, "plain");
        out.append('|');
        InventoryExport.quote(out, " edge");
        out.append('|');
        InventoryExport.quote(out, "");

        assertThat(out).hasToString("plain|\" edge\"|");
    }
}
