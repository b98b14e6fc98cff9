package org.ztpbox.provisioning.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;

class InventoryParserTest {

    private final InventoryParser parser = new InventoryParser(40, 50);

    private ParsedInventory parse(String csv) {
        return parser.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> errors(ParsedInventory parsed) {
        return parsed.errors().stream().map(ImportProblem::toString).toList();
    }

    private static List<String> warnings(ParsedInventory parsed) {
        return parsed.warnings().stream().map(ImportProblem::toString).toList();
    }

    @Test
    void readsEveryKnownColumnAndKeepsExtrasAsVariables() {
        ParsedInventory parsed = parse("MAC,Model,Extension,Display Name,SIP User,Password,Auth Domain,Registrar,Site,"
                + "Cost Center,Floor\n"
                + "00:04:F2:AA:81:4C, VVX 410 ,101,\"Black, Lisa\",101,s3cret,pbx.example,10.0.0.2,HQ,4711,3\n");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.format()).isEqualTo("comma-separated, UTF-8");
        Phone phone = parsed.phones().get(0);
        assertThat(phone).isEqualTo(new Phone(MacAddress.parse("0004f2aa814c"), "VVX410", "101", "Black, Lisa", "101",
                "s3cret", "pbx.example", "10.0.0.2", "HQ", java.util.Map.of("cost_center", "4711", "floor", "3")));
        assertThat(phone.extra().keySet()).containsExactly("cost_center", "floor");
    }

    @Test
    void acceptsEveryCommonMacSpelling() {
        ParsedInventory parsed = parse("mac\n0004f2aa8101\n00:04:F2:AA:81:02\n00-04-f2-aa-81-03\n0004.f2aa.8104\n");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.phones()).extracting(p -> p.mac().toString()).containsExactly("00:04:f2:aa:81:01",
                "00:04:f2:aa:81:02", "00:04:f2:aa:81:03", "00:04:f2:aa:81:04");
    }

    @Test
    void readsTheCarriersDeviceReport() throws IOException {
        byte[] report;
        try (InputStream in = getClass().getResourceAsStream("carrier-device-report.csv")) {
            report = in.readAllBytes();
        }

        ParsedInventory parsed = new InventoryParser().parse(report);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.format()).isEqualTo("comma-separated, UTF-8 with BOM");
        assertThat(parsed.phones()).hasSize(3);
        Phone first = parsed.phones().get(0);
        assertThat(first.mac()).isEqualTo(MacAddress.parse("0004f28a2855"));
        assertThat(first.model()).isEqualTo("SPIP550");
        assertThat(first.extension()).isEqualTo("1013");
        assertThat(first.site()).isEqualTo("SanJose1-Sales-ONEL");
        assertThat(first.displayName()).isEqualTo("Sasha Solovey");
        assertThat(first.sipPassword()).as("the carrier's MAC password is not the SIP password").isEmpty();
        assertThat(first.extra()).containsExactly(java.util.Map.entry("mac_password", "kSIAFGXr"),
                java.util.Map.entry("activation_code", "2.35602E+12"), java.util.Map.entry("status", "Not activated"));
        assertThat(warnings(parsed)).hasSize(3).allMatch(w -> w.contains("column E (Activation Code)")
                && w.contains("scientific notation"));
        assertThat(warnings(parsed).get(0)).startsWith("line 2, ");
    }

    @Test
    void readsSemicolonSeparatedExcelFilesWithCrlf() {
        ParsedInventory parsed = parse("MAC-Adresse;Modell;Extension;Name\r\n0004f2aa814c;VVX 410;101;Müller, Jörg\r\n");

        // "MAC-Adresse" and "Modell" are not English: the MAC column is still required.
        assertThat(errors(parsed)).singleElement().asString().contains("line 1: no MAC column");

        ParsedInventory english = parse("MAC Address;Model;Extension;Name\r\n0004f2aa814c;VVX 410;101;Müller, Jörg\r\n");
        assertThat(english.problems()).isEmpty();
        assertThat(english.format()).startsWith("semicolon-separated");
        assertThat(english.phones().get(0).displayName()).isEqualTo("Müller, Jörg");
    }

    @Test
    void skipsBlankLinesAndSpreadsheetRowsOfSeparatorsAndKeepsLineNumbers() {
        ParsedInventory parsed = parse("\nMAC,Model\n\n0004f2aa814c,VVX 410\n,\n;;\n0004f2aa814d,bogus 9\n");

        assertThat(parsed.phones()).hasSize(2);
        assertThat(warnings(parsed)).singleElement().asString().startsWith("line 7, column B (Model): unknown model");
    }

    @Test
    void aMissingMacColumnIsAnErrorOnTheHeaderLine() {
        ParsedInventory parsed = parse("Model,Extension\nVVX 410,101\n");

        assertThat(errors(parsed)).singleElement().asString().startsWith("line 1: no MAC column");
        assertThat(parsed.phones()).isEmpty();
    }

    @Test
    void anEmptyFileIsAnError() {
        assertThat(errors(parse(""))).singleElement().asString().startsWith("line 1: the file has no header row");
        assertThat(errors(parse("\n\n"))).hasSize(1);
    }

    @Test
    void twoColumnsForOneFieldOrOneVariableAreErrors() {
        ParsedInventory parsed = parse("MAC Address,Model,mac,Cost Center,cost-center\n");

        assertThat(errors(parsed)).containsExactly(
                "line 1, column C (mac): column A (MAC Address) already gives the mac; keep one of them",
                "line 1, column E (cost-center): same variable name 'cost_center' as column D (Cost Center); rename"
                        + " one of them");
    }

    @Test
    void reportsEveryRowErrorWithItsLineAndColumnInOnePass() {
        String longName = "x".repeat(41);
        ParsedInventory parsed = parse("Model,MAC,Name,Notes\n"
                + "VVX 410,0004f2aa814c,Anna,\n"                   // line 2: fine
                + "VVX 410,zz:zz,Bob,\n"                            // line 3: bad MAC
                + "VVX 410,,Carl,\n"                                // line 4: missing MAC
                + "VVX 410,00:04:F2:AA:81:4C,Dora,\n"               // line 5: duplicate of line 2
                + "VVX 410,0004f2aa8150," + longName + ",\n"        // line 6: too long
                + "VVX 410,0004f2aa8151,Eve,\"two\nlines\"\n"        // line 7: control character
                + "VVX 410,0004f2aa8153,Fay,ok,surplus\n"           // line 9: beyond the last column
                + "VVX 410,000000000000,Gus,\n"                     // line 10: the master file's name
                + "VVX 410,0004f2aa8154,\"Hal\" Jr,\n"              // line 11: text after a closing quote
                + "VVX 410,0004f2aa8155,Ivy\u0007,\n");             // line 12: bell character

        assertThat(errors(parsed)).containsExactly(
                "line 3, column B (MAC): 'zz:zz' is not a MAC address (12 hex digits, e.g. 0004f2aa814c or"
                        + " 00:04:F2:AA:81:4C)",
                "line 4, column B (MAC): the MAC is missing (every row is one phone, named by its MAC)",
                "line 5, column B (MAC): MAC 00:04:f2:aa:81:4c is also on line 2; one row per phone",
                "line 6, column C (Name): the value is 41 characters long; at most 40",
                "line 7, column D (Notes): the value contains a line break; values must be a single line of printable"
                        + " text",
                "line 9, column E: a value beyond the last column of the header row (4 columns); is a separator too"
                        + " many in this line?",
                "line 10, column B (MAC): '000000000000' is not a phone's MAC (000000000000 names the shared master"
                        + " file)",
                "line 11, column C (Name): text after the closing quote: \"Hal\" Jr (a quote inside a quoted value"
                        + " must be doubled: \"\")",
                "line 12, column C (Name): the value contains the control character U+0007; values must be a single"
                        + " line of printable text");
        assertThat(parsed.phones()).extracting(p -> p.displayName()).containsExactly("Anna", "Hal Jr");
        assertThat(parsed.hasErrors()).isTrue();
    }

    @Test
    void anUnknownModelIsAWarningAndKeptAsWritten() {
        ParsedInventory parsed = parse("mac,model\n0004f2aa814c,Grandstream GXP2170\n0004f2aa814d,\n");

        assertThat(parsed.hasErrors()).isFalse();
        assertThat(warnings(parsed)).singleElement().asString()
                .startsWith("line 2, column B (model): unknown model 'Grandstream GXP2170'");
        assertThat(parsed.phones()).extracting(Phone::model).containsExactly("Grandstream GXP2170", "");
    }

    @Test
    void aColumnWithoutANameIsIgnoredWithOneWarning() {
        ParsedInventory parsed = parse("mac,,site\n0004f2aa814c,x,HQ\n0004f2aa814d,y,HQ\n");

        assertThat(parsed.hasErrors()).isFalse();
        assertThat(warnings(parsed)).singleElement().asString().startsWith("line 2, column B: this column has values");
        assertThat(parsed.phones().get(0).extra()).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252WithAWarning() {
        byte[] bytes = "mac;name\n0004f2aa814c;José\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));

        ParsedInventory parsed = parser.parse(bytes);

        assertThat(parsed.phones().get(0).displayName()).isEqualTo("José");
        assertThat(warnings(parsed)).singleElement().asString().startsWith("line 2: the file is not UTF-8");
    }

    @Test
    void refusesMoreThanTheMaximumNumberOfPhones() {
        StringBuilder csv = new StringBuilder("mac\n");
        for (int i = 1; i <= 6; i++) {
            csv.append("0004f2aa81").append(String.format("%02x", i)).append('\n');
        }

        ParsedInventory parsed = new InventoryParser(40, 5).parse(csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(errors(parsed)).containsExactly("line 7: more than 5 phones; split the file");
    }
}
