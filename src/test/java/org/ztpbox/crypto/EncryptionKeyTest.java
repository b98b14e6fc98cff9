package org.ztpbox.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ztpbox.core.KeyException;

class EncryptionKeyTest {

    /** The example of the SIP 2.2 / 3.1 administrator's guides. */
    private static final String GUIDE_EXAMPLE = "Crypt=1;KeyDesc=companyNameKey1;Key=06a9214036b8a15b512e03d534120006;";

    @Test
    void parsesTheGuidesExampleAndFormatsItBackUnchanged() {
        EncryptionKey key = EncryptionKey.parse(GUIDE_EXAMPLE);

        assertThat(key.name()).isEqualTo("companyNameKey1");
        assertThat(key.keyString()).isEqualTo(GUIDE_EXAMPLE);
        assertThat(key.material()).hasSize(16).startsWith((byte) 0x06, (byte) 0xa9);
    }

    @Test
    void acceptsUpperCaseDigitsAndALineEndButWritesLowerCase() {
        EncryptionKey key = EncryptionKey.parse("  Crypt=1;KeyDesc=k;Key=06A9214036B8A15B512E03D534120006;\n");

        assertThat(key.keyString()).isEqualTo("Crypt=1;KeyDesc=k;Key=06a9214036b8a15b512e03d534120006;");
    }

    @Test
    void generatedKeysDifferAndRoundTripThroughTheirString() {
        SecureRandom random = new SecureRandom();
        EncryptionKey a = EncryptionKey.generate("office-1", random);
        EncryptionKey b = EncryptionKey.generate("office-1", random);

        assertThat(a).isNotEqualTo(b);
        assertThat(EncryptionKey.parse(a.keyString())).isEqualTo(a);
        assertThat(a.keyString()).matches("Crypt=1;KeyDesc=office-1;Key=[0-9a-f]{32};");
    }

    @Test
    void toStringShowsTheNameOnly() {
        EncryptionKey key = EncryptionKey.parse(GUIDE_EXAMPLE);

        assertThat(key.toString()).isEqualTo("EncryptionKey[companyNameKey1]").doesNotContain("06a9");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "''|empty key string",
        "Crypt=1;KeyDesc=k;Key=06a9214036b8a15b512e03d534120006|ends with ';'",
        "Crypt=1;KeyDesc=k;|expected the three fields Crypt, KeyDesc and Key",
        "Crypt=1;KeyDesc=k;Key=06a9214036b8a15b512e03d534120006;Extra=1;|found 4",
        "Crypt=2;KeyDesc=k;Key=06a9214036b8a15b512e03d534120006;|only Crypt=1 (AES-128-CBC) is known, found Crypt=2",
        "crypt=1;KeyDesc=k;Key=06a9214036b8a15b512e03d534120006;|field 1 must be Crypt=",
        "Crypt=1;Key=06a9214036b8a15b512e03d534120006;KeyDesc=k;|field 2 must be KeyDesc=",
        "Crypt=1;KeyDesc=;Key=06a9214036b8a15b512e03d534120006;|a key name (KeyDesc) is 1-64 letters",
        "Crypt=1;KeyDesc=my key;Key=06a9214036b8a15b512e03d534120006;|found 'my key'",
        "Crypt=1;KeyDesc=k;Key=06a9214036b8a15b512e03d5341200;|Key must be 32 hex digits (128 bits), found 30",
        "Crypt=1;KeyDesc=k;Key=06a9214036b8a15b512e03d5341200067;|found 33 characters",
        "Crypt=1;KeyDesc=k;Key=06a9214036b8a15b512e03d53412000g;|another character at position 32",
    })
    void refusesMalformedKeyStringsSayingWhy(String text, String message) {
        assertThatThrownBy(() -> EncryptionKey.parse(text)).isInstanceOf(KeyException.class)
                .hasMessageContaining(message);
    }

    @Test
    void errorsNeverRepeatTheKeyDigits() {
        String secret = "06a9214036b8a15b512e03d5341200";
        for (String text : new String[] {"Crypt=1;KeyDesc=k;Key=" + secret + ";",
            "Crypt=1;KeyDesc=k;Kee=" + secret + "06;", "Crypt=1;KeyDesc=k;Key=" + secret + "zz;"}) {
            assertThatThrownBy(() -> EncryptionKey.parse(text)).isInstanceOf(KeyException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret.substring(0, 8)));
        }
    }
}
