package org.ztpbox.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.ztpbox.core.KeyException;

/**
 * A configuration-file encryption key in the form Poly phones take through
 * {@code device.sec.configEncryption.key}: {@code Crypt=1;KeyDesc=<name>;Key=<32 hex digits>;}
 * (SoundPoint IP / SoundStation IP Administrator's Guide, SIP 2.2 and 3.1, "Encrypting
 * Configuration Files": AES-128 in CBC mode, a 128-bit key). The KeyDesc names the key; files name
 * the key that encrypted them by it.
 *
 * <p>Parsing is strict: the three fields in that order, spelt as above, each ended by {@code ;},
 * nothing after; surrounding white space (a line end) is ignored. Error messages never repeat the
 * key digits, and {@link #toString()} shows only the name.
 */
public final class EncryptionKey {

    public static final int KEY_BYTES = 16;
    /** Names travel in file names, XML attributes and the key string itself: no ';', '=', '/', quotes or spaces. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String FORM = "Crypt=1;KeyDesc=<name>;Key=<32 hex digits>;";

    private final String name;
    private final byte[] key;

    private EncryptionKey(String name, byte[] key) {
        this.name = checkName(name);
        if (key.length != KEY_BYTES) {
            throw new KeyException("a key has " + KEY_BYTES + " bytes (128 bits), not " + key.length);
        }
        this.key = key.clone();
    }

    public static EncryptionKey generate(String name, SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new EncryptionKey(name, key);
    }

    /** Reads a key string; a {@link KeyException} says exactly what is wrong with it. */
    public static EncryptionKey parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new KeyException("empty key string; expected " + FORM);
        }
        if (!s.endsWith(";")) {
            throw new KeyException("a key string ends with ';' (expected " + FORM + ")");
        }
        String[] fields = s.substring(0, s.length() - 1).split(";", -1);
        if (fields.length != 3) {
            throw new KeyException("expected the three fields Crypt, KeyDesc and Key (" + FORM + "), found "
                    + fields.length);
        }
        String crypt = value(fields[0], "Crypt", 1);
        if (!crypt.equals("1")) {
            throw new KeyException("only Crypt=1 (AES-128-CBC) is known, found Crypt=" + crypt);
        }
        String name = value(fields[1], "KeyDesc", 2);
        String hex = value(fields[2], "Key", 3);
        if (hex.length() != 2 * KEY_BYTES) {
            throw new KeyException("Key must be " + 2 * KEY_BYTES + " hex digits (128 bits), found " + hex.length()
                    + " characters");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new KeyException("Key must be hex digits only (0-9, a-f), found another character at position "
                        + (i + 1));
            }
        }
        return new EncryptionKey(name, HexFormat.of().parseHex(hex));
    }

    private static String value(String field, String expected, int position) {
        int eq = field.indexOf('=');
        String found = eq < 0 ? field : field.substring(0, eq);
        if (eq < 0 || !found.equals(expected)) {
            // The third field may hold key digits: never echo it.
            String shown = position == 3 ? "" : ", found '" + field + "'";
            throw new KeyException("field " + position + " must be " + expected + "=... (" + FORM + ")" + shown);
        }
        return field.substring(eq + 1);
    }

    /** @throws KeyException unless the name is 1-64 letters, digits, '.', '_' or '-' */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new KeyException("a key name (KeyDesc) is 1-64 letters, digits, '.', '_' or '-', found '" + name
                    + "'");
        }
        return name;
    }

    public String name() {
        return name;
    }

    /** The secret key string, as {@code device.sec.configEncryption.key} takes it. */
    public String keyString() {
        return "Crypt=1;KeyDesc=" + name + ";Key=" + HexFormat.of().formatHex(key) + ";";
    }

    /** A copy of the 16 key bytes, for the cipher in this package. */
    byte[] material() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionKey k && k.name.equals(name) && Arrays.equals(k.key, key);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "EncryptionKey[" + name + "]";
    }
}
