package org.ztpbox.provisioning.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private final CsvReader reader = new CsvReader();

    private List<List<String>> fields(CsvReader.Table table) {
        return table.rows().stream().map(CsvReader.Row::fields).toList();
    }

    @Test
    void readsQuotedFieldsWithDelimitersDoubledQuotesAndLineBreaks() {
        CsvReader.Table t = reader.read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,,\r\n");

        assertThat(fields(t)).containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"),
                List.of("last", "", ""));
        assertThat(t.problems()).isEmpty();
    }

    @Test
    void countsPhysicalLinesAcrossQuotedLineBreaksAndBlankLines() {
        CsvReader.Table t = reader.read("h1,h2\n\"multi\nline\nvalue\",x\n\nafter,y");

        assertThat(t.rows()).extracting(CsvReader.Row::line).containsExactly(1, 2, 6);
    }

    @Test
    void acceptsLfCrlfAndLoneCrLineEndings() {
        assertThat(fields(reader.read("a,b\nc,d\n"))).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(fields(reader.read("a,b\r\nc,d"))).containsExactly(List.of("a", "b"), List.of("c", "d"));
        CsvReader.Table oldMac = reader.read("a,b\rc,d\r");
        assertThat(fields(oldMac)).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(oldMac.rows()).extracting(CsvReader.Row::line).containsExactly(1, 2);
    }

    @Test
    void detectsTheDelimiterFromTheHeaderLine() {
        assertThat(reader.read("MAC;Model;Name\n0004f2aa814c;VVX 410;Smith, Anna\n").rows().get(1).fields())
                .containsExactly("0004f2aa814c", "VVX 410", "Smith, Anna");
        assertThat(reader.read("MAC\tModel\n0004f2aa814c\tVVX 410\n").delimiter()).isEqualTo('\t');
        assertThat(reader.read("MAC,Model\n").delimiter()).isEqualTo(',');
        assertThat(reader.read("\"a;b\",c\n").delimiter()).as("quoted semicolons do not count").isEqualTo(',');
        assertThat(reader.read("\n\nMAC;Model\n").delimiter()).as("blank lines before the header").isEqualTo(';');
        assertThat(reader.read("MAC\n").delimiter()).as("one column").isEqualTo(',');
    }

    @Test
    void keepsAQuoteInsideAnUnquotedField() {
        assertThat(fields(reader.read("a,5\" screen,c\n"))).containsExactly(List.of("a", "5\" screen", "c"));
    }

    @Test
    void aQuotedFieldMayFollowSpacesInAHandWrittenFile() {
        assertThat(fields(reader.read("a, \"b, c\" ,d\n"))).containsExactly(List.of("a", "b, c", "d"));
    }

    @Test
    void reportsTextAfterAClosingQuoteWithLineAndField() {
        CsvReader.Table t = reader.read("a,b\nx,\"Smith\" Anna\n");

        assertThat(t.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo(1);
            assertThat(p.message()).contains("text after the closing quote");
        });
        assertThat(t.rows().get(1).fields()).containsExactly("x", "Smith Anna");
    }

    @Test
    void reportsAQuoteThatIsNeverClosedAtTheLineWhereItOpened() {
        CsvReader.Table t = reader.read("a,b\nx,y\nz,\"oops\nmore\nlines\n");

        assertThat(t.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo(1);
            assertThat(p.message()).contains("never closed");
        });
    }

    @Test
    void emptyInputHasNoRows() {
        assertThat(reader.read("").rows()).isEmpty();
        assertThat(reader.read("\n\r\n\n").rows()).isEmpty();
    }

    @Test
    void aRowOfEmptyFieldsIsBlank() {
        assertThat(reader.read(";;;\n").rows().get(0).isBlank()).isTrue();
        assertThat(reader.read(" ,\t,\n").rows().get(0).isBlank()).isTrue();
        assertThat(reader.read(",x,\n").rows().get(0).isBlank()).isFalse();
    }
}
