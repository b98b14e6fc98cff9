package org.ztpbox.core;

/**
 * A configuration-file encryption key or an encrypted file that cannot be used: a malformed key
 * string, an unknown key name, a damaged key ring, a file encrypted with another key. The message
 * says what to do and never contains key material.
 */
public class KeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyException(String message) {
        super(message);
    }

    public KeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
