package org.ztpbox.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ztpbox.core.KeyException;

class EncryptedConfigFormatTest {

    private static final String CONFIG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<PHONE_CONFIG><ALL reg.1.auth.password=\"s3cret\"/></PHONE_CONFIG>\n";
    private final SecureRandom random = new SecureRandom();
    private final EncryptionKey key =
            EncryptionKey.parse("Crypt=1;KeyDesc=office-1;Key=06a9214036b8a15b512e03d534120006;");

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 15, 16, 17, 4096, 1_000_003})
    void roundTripsEverySizeAndPredictsTheEncryptedSize(int size) {
        byte[] plain = new byte[size];
        new Random(size).nextBytes(plain);

        byte[] file = EncryptedConfigFormat.encrypt(key, plain, random);

        assertThat(file).hasSize((int) EncryptedConfigFormat.encryptedSize("office-1", size));
        assertThat(EncryptedConfigFormat.decrypt(key, file)).isEqualTo(plain);
    }

    @Test
    void firstLineNamesTheKeyAndTheDigestOfThePlainFileAndHidesTheContent() {
        byte[] plain = CONFIG.getBytes(StandardCharsets.UTF_8);
        byte[] file = EncryptedConfigFormat.encrypt(key, plain, random);
        String text = new String(file, StandardCharsets.ISO_8859_1);

        String firstLine = text.substring(0, text.indexOf('\n'));
        assertThat(firstLine).isEqualTo("Crypt=1;KeyDesc=office-1;Digest=" + EncryptedConfigFormat.digest(plain) + ";");
        assertThat(text).doesNotContain("s3cret").doesNotContain("PHONE_CONFIG");
        assertThat(EncryptedConfigFormat.header(file)).get().extracting(EncryptedConfigFormat.Header::keyName)
                .isEqualTo("office-1");
    }

    @Test
    void theDigestIsSha1InLowerCaseHex() {
        // FIPS 180 test vector for "abc".
        assertThat(EncryptedConfigFormat.digest("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    }

    @Test
    void theBodyIsPlainAesCbcWithPkcs7AfterTheIvAsDocumented() throws Exception {
        byte[] plain = CONFIG.getBytes(StandardCharsets.UTF_8);
        byte[] file = EncryptedConfigFormat.encrypt(key, plain, random);
        int body = EncryptedConfigFormat.header(file).orElseThrow().bodyOffset();

        // An independent implementation (the JDK's) reads the layout the javadoc describes.
        Cipher jdk = Cipher.getInstance("AES/CBC/PKCS5Padding");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.material(), "AES"),
                new IvParameterSpec(Arrays.copyOfRange(file, body, body + 16)));
        assertThat(jdk.doFinal(file, body + 16, file.length - body - 16)).isEqualTo(plain);
    }

    @Test
    void eachEncryptionUsesAFreshIv() {
        byte[] plain = CONFIG.getBytes(StandardCharsets.UTF_8);
        byte[] a = EncryptedConfigFormat.encrypt(key, plain, random);
        byte[] b = EncryptedConfigFormat.encrypt(key, plain, random);
        int body = EncryptedConfigFormat.header(a).orElseThrow().bodyOffset();

        assertThat(Arrays.copyOfRange(a, body, body + 16)).isNotEqualTo(Arrays.copyOfRange(b, body, body + 16));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void theWrongKeyUnderTheRightNameIsDetected() {
        byte[] file = EncryptedConfigFormat.encrypt(key, CONFIG.getBytes(StandardCharsets.UTF_8), random);
        for (int i = 0; i < 20; i++) {
            EncryptionKey impostor = EncryptionKey.generate("office-1", random);
            assertThatThrownBy(() -> EncryptedConfigFormat.decrypt(impostor, file)).isInstanceOf(KeyException.class)
                    .hasMessageStartingWith("wrong key: the file does not decrypt with the key named 'office-1'");
        }
    }

    @Test
    void aKeyWithAnotherNameIsRefusedByName() {
        byte[] file = EncryptedConfigFormat.encrypt(key, CONFIG.getBytes(StandardCharsets.UTF_8), random);

        assertThatThrownBy(() -> EncryptedConfigFormat.decrypt(EncryptionKey.generate("office-2", random), file))
                .isInstanceOf(KeyException.class)
                .hasMessage("the file was encrypted with key 'office-1', not 'office-2'");
    }

    @Test
    void damagedFilesAreRefused() {
        byte[] file = EncryptedConfigFormat.encrypt(key, CONFIG.getBytes(StandardCharsets.UTF_8), random);
        byte[] truncated = Arrays.copyOf(file, file.length - 5);
        byte[] flipped = file.clone();
        flipped[flipped.length - 20] ^= 1; // in the second-to-last block: garbles the last plain block

        assertThatThrownBy(() -> EncryptedConfigFormat.decrypt(key, truncated)).hasMessageContaining("damaged");
        assertThatThrownBy(() -> EncryptedConfigFormat.decrypt(key, flipped)).isInstanceOf(KeyException.class)
                .hasMessageContaining("wrong key");
        assertThatThrownBy(() -> EncryptedConfigFormat.decrypt(key, CONFIG.getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("not an encrypted configuration file");
    }

    @Test
    void plainFilesHaveNoHeader() {
        assertThat(EncryptedConfigFormat.header(CONFIG.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EncryptedConfigFormat.header("Crypt=1;KeyDesc=k;no digest\n".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(EncryptedConfigFormat.header(new byte[0])).isEmpty();
    }
}
