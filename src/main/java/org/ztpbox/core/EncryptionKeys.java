package org.ztpbox.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The appliance's configuration-file encryption keys (AES-128, Poly's key-string form
 * {@code Crypt=1;KeyDesc=<name>;Key=<32 hex>;}): one current key, the keys it replaced, and the
 * encryption of files with them. Key material leaves only through {@link #keyString(String)}.
 * Thread-safe; errors are {@link KeyException}s.
 */
public interface EncryptionKeys {

    /** Where a key stands: new files and new phones get the current one; older ones stay readable. */
    enum KeyState {
        CURRENT, PREVIOUS, RETIRED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A key without its material. @param name the KeyDesc */
    record KeyInfo(String name, Instant created, KeyState state) {
    }

    /** A decrypted file and the key (KeyDesc) it was encrypted with. */
    record Decrypted(String keyName, byte[] plain) {
    }

    /** Every key: the current one, then the previous, then retired ones, newest first. */
    List<KeyInfo> list();

    Optional<KeyInfo> current();

    Optional<KeyInfo> find(String name);

    /** Creates the first key, current; refused when a key exists. @param name null for a generated name */
    KeyInfo create(String name);

    /** Makes a new current key; the old current becomes previous, the old previous retired. */
    KeyInfo rotate(String name);

    /** The secret key string {@code Crypt=1;KeyDesc=...;Key=...;}, as a phone is given it. */
    String keyString(String name);

    /** Encrypts a file with the named key, in the format phones read. */
    byte[] encrypt(byte[] plain, String keyName);

    /** Decrypts a file with the key named in its header; refuses a file whose digest does not match. */
    Decrypted decrypt(byte[] file);

    /** The KeyDesc in the header of an encrypted file, or empty when {@code content} is not one. */
    Optional<String> encryptedWith(byte[] content);

    /** Changes whenever a key is created or changes state (also by another process), for caches. */
    long generation();
}
