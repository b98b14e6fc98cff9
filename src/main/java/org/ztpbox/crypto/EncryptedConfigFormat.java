package org.ztpbox.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.ztpbox.core.KeyException;

/**
 * The byte layout of an encrypted configuration file: the one place that knows it, so that it
 * can be replaced once Poly's real layout is known. See docs/ENCRYPTION.md.
 *
 * <pre>
 * Crypt=1;KeyDesc=&lt;key name&gt;;Digest=&lt;40 hex: SHA-1 of the plain file&gt;;\n   (ASCII, one line)
 * IV (16 random bytes)
 * AES-128-CBC(key, IV, plain file + PKCS#7 padding)
 * </pre>
 *
 * <p><b>Verified</b> (Polycom SoundPoint IP / SoundStation IP Administrator's Guide, SIP 2.2 and
 * 3.1, "Encrypting Configuration Files"): AES-128 in CBC mode with a 128-bit key; the key string
 * {@code Crypt=1;KeyDesc=...;Key=...;}; the encrypted file's first line is readable text showing a
 * {@code Digest=...} field that equals what Polycom's {@code configFileEncrypt -d} prints for the
 * plain file (so the digest depends on the plain file only); the guide's advice to give keys
 * unique descriptions "to allow simple identification of which key was used to encrypt a file"
 * suggests the KeyDesc is visible in the file too.
 *
 * <p><b>Not verified</b>, no public encoder, decoder or sample file having been found: the header
 * syntax beyond the {@code Digest=} field (field order, the {@code Crypt}/{@code KeyDesc} fields,
 * the line end), the digest algorithm (SHA-1 here), where the IV travels (prefixed to the
 * ciphertext here), the padding (PKCS#7 here), and whether the body is binary (here) or text.
 * Files in this layout round-trip through ztpbox; whether a phone decrypts them is untested.
 */
public final class EncryptedConfigFormat {

    private static final byte[] MAGIC = "Crypt=1;KeyDesc=".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK = 16;
    private static final int DIGEST_HEX = 40;
    private static final int MAX_HEADER = 256;

    private EncryptedConfigFormat() {
    }

    /** The header of an encrypted file. @param bodyOffset where the IV starts */
    public record Header(String keyName, String digest, int bodyOffset) {
    }

    public static byte[] encrypt(EncryptionKey key, byte[] plain, SecureRandom random) {
        byte[] header = header(key.name(), digest(plain));
        byte[] iv = new byte[BLOCK];
        random.nextBytes(iv);
        BufferedBlockCipher cipher = cipher(true, key, iv);
        byte[] out = new byte[header.length + BLOCK + cipher.getOutputSize(plain.length)];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(iv, 0, out, header.length, BLOCK);
        int at = header.length + BLOCK;
        try {
            at += cipher.processBytes(plain, 0, plain.length, out, at);
            at += cipher.doFinal(out, at);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail on padding", e);
        }
        return at == out.length ? out : Arrays.copyOf(out, at);
    }

    /**
     * Decrypts {@code file} with {@code key}; a file named for another key, a key that does not
     * decrypt it (bad padding, digest mismatch) or a damaged file is a {@link KeyException}.
     */
    public static byte[] decrypt(EncryptionKey key, byte[] file) {
        Header h = header(file).orElseThrow(EncryptedConfigFormat::notEncrypted);
        if (!h.keyName().equals(key.name())) {
            throw new KeyException("the file was encrypted with key '" + h.keyName() + "', not '" + key.name() + "'");
        }
        int bodyLength = file.length - h.bodyOffset() - BLOCK;
        if (bodyLength <= 0 || bodyLength % BLOCK != 0) {
            throw new KeyException("damaged encrypted file: the ciphertext is " + Math.max(bodyLength, 0)
                    + " bytes, not a whole number of 16-byte blocks");
        }
        byte[] iv = Arrays.copyOfRange(file, h.bodyOffset(), h.bodyOffset() + BLOCK);
        BufferedBlockCipher cipher = cipher(false, key, iv);
        byte[] plain = new byte[cipher.getOutputSize(bodyLength)];
        int length;
        try {
            length = cipher.processBytes(file, h.bodyOffset() + BLOCK, bodyLength, plain, 0);
            length += cipher.doFinal(plain, length);
        } catch (InvalidCipherTextException e) {
            throw wrongKey(h.keyName(), "bad padding");
        }
        byte[] result = Arrays.copyOf(plain, length);
        if (!digest(result).equals(h.digest())) {
            throw wrongKey(h.keyName(), "digest mismatch");
        }
        return result;
    }

    static KeyException notEncrypted() {
        return new KeyException("not an encrypted configuration file (its first line is not"
                + " Crypt=1;KeyDesc=...;Digest=...;)");
    }

    private static KeyException wrongKey(String name, String why) {
        return new KeyException("wrong key: the file does not decrypt with the key named '" + name + "' (" + why
                + "); the key under that name is not the one that encrypted the file, or the file is damaged");
    }

    /** The header of {@code content}, or empty when it does not start like an encrypted file. */
    public static Optional<Header> header(byte[] content) {
        if (!startsEncrypted(content)) {
            return Optional.empty();
        }
        int end = -1;
        for (int i = MAGIC.length; i < Math.min(content.length, MAX_HEADER); i++) {
            if (content[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        String line = new String(content, 0, end, StandardCharsets.US_ASCII);
        String[] fields = line.split(";", -1);
        if (fields.length != 4 || !fields[3].isEmpty() || !fields[2].startsWith("Digest=")) {
            return Optional.empty();
        }
        String name = fields[1].substring("KeyDesc=".length());
        String digest = fields[2].substring("Digest=".length());
        if (digest.length() != DIGEST_HEX || !digest.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new Header(name, digest.toLowerCase(java.util.Locale.ROOT), end + 1));
    }

    /** True when {@code prefix} (the first bytes of a file) begins the way every encrypted file does. */
    public static boolean startsEncrypted(byte[] prefix) {
        return prefix.length >= MAGIC.length && Arrays.equals(prefix, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The {@code Digest=} value of a plain file: lower-case hex SHA-1. */
    public static String digest(byte[] plain) {
        SHA1Digest sha1 = new SHA1Digest();
        sha1.update(plain, 0, plain.length);
        byte[] out = new byte[sha1.getDigestSize()];
        sha1.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** The encrypted size of a plain file of {@code plainSize} bytes under the named key. */
    public static long encryptedSize(String keyName, long plainSize) {
        return header(keyName, "0".repeat(DIGEST_HEX)).length + BLOCK + (plainSize / BLOCK + 1) * BLOCK;
    }

    private static byte[] header(String keyName, String digest) {
        return ("Crypt=1;KeyDesc=" + keyName + ";Digest=" + digest + ";\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static BufferedBlockCipher cipher(boolean encrypt, EncryptionKey key, byte[] iv) {
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(
                AESEngine.newInstance()), new PKCS7Padding());
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key.material()), iv));
        return cipher;
    }
}
