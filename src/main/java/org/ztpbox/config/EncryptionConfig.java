package org.ztpbox.config;

import java.util.List;

/**
 * Configuration-file encryption, {@code provisioning.encryption} and
 * {@code provisioning.credential-files}.
 *
 * @param enabled         when true, files that hold credentials are served encrypted with the key
 *                        each phone holds, and phones receive keys (first over HTTPS only)
 * @param credentialFiles names (with {@code *} wildcards) of files under {@code <state-dir>/files}
 *                        that hold credentials, besides the generated ones that say so themselves
 */
public record EncryptionConfig(boolean enabled, List<String> credentialFiles) {

    public static final EncryptionConfig OFF = new EncryptionConfig(false, List.of());

    public EncryptionConfig {
        credentialFiles = List.copyOf(credentialFiles);
    }
}
