package org.ztpbox.provisioning.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvTextTest {

    @Test
    void removesTheUtf8ByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "MAC,Name\nx,José\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);

        CsvText text = CsvText.decode(bytes);

        assertThat(text.text()).isEqualTo("MAC,Name\nx,José\n");
        assertThat(text.encoding()).isEqualTo("UTF-8 with BOM");
        assertThat(text.guessedAt()).isZero();
    }

    @Test
    void readsPlainUtf8() {
        CsvText text = CsvText.decode("MAC\nMüller\n".getBytes(StandardCharsets.UTF_8));

        assertThat(text.text()).isEqualTo("MAC\nMüller\n");
        assertThat(text.encoding()).isEqualTo("UTF-8");
    }

    @Test
    void readsExcelUnicodeText() {
        byte[] body = "MAC\tName\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);

        assertThat(CsvText.decode(bytes).text()).isEqualTo("MAC\tName\n");
    }

    @Test
    void fallsBackToWindows1252NamingTheFirstLineThatIsNotUtf8() {
        byte[] bytes = "MAC;Name\n0004f2aa814c;Lisa\n0004f2aa814d;José Müller\n"
                .getBytes(Charset.forName("windows-1252"));

        CsvText text = CsvText.decode(bytes);

        assertThat(text.text()).contains("José Müller");
        assertThat(text.encoding()).isEqualTo("Windows-1252");
        assertThat(text.guessedAt()).isEqualTo(3);
    }
}
