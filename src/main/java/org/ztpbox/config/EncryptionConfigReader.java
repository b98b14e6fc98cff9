package org.ztpbox.config;

import java.util.List;
import java.util.Set;
import org.ztpbox.core.SafePaths;

/** Reads the encryption keys of the {@code provisioning} section. */
final class EncryptionConfigReader {

    static final Set<String> KEYS = Set.of("encryption", "credential-files");

    private EncryptionConfigReader() {
    }

    static EncryptionConfig read(YamlSection s) {
        boolean enabled = s.bool("encryption").orElse(false);
        List<String> files = s.list("credential-files", EncryptionConfigReader::pattern);
        return new EncryptionConfig(enabled, files);
    }

    /** A served name, '*' matching any characters within one path component. */
    static String pattern(String text) {
        String p = text.trim();
        SafePaths.Refusal refusal = SafePaths.check(p.replace('*', 'x'));
        if (refusal != null) {
            throw new IllegalArgumentException("not a served file name: '" + text + "' (" + refusal.reason() + ")");
        }
        if (p.equals("000000000000.cfg")) {
            throw new IllegalArgumentException("000000000000.cfg is the master configuration, which phones cannot"
                    + " decrypt: it never holds credentials and is never encrypted");
        }
        return p;
    }
}
