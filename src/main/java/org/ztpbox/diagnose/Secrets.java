package org.ztpbox.diagnose;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Masks secrets wherever they are shown. Passwords in provisioning addresses: option 66 and 160
 * values may carry {@code user:password@} (polycom-provisioning.md §2), and an old provider's
 * password must not end up in a terminal, a log, a finding or a support ticket; the user name stays,
 * it helps to recognise the provider. And the values of parameters and event details whose name says
 * they are secret ({@code reg.1.auth.password}, {@code device.sec.configEncryption.key}, ...).
 */
public final class Secrets {

    public static final String MASK = "****";

    // Greedy up to the last '@' before the path: a password may itself contain '@'.
    private static final Pattern WITH_SCHEME = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/@\\s:]*):([^/\\s]*)@");
    private static final Pattern WITHOUT_SCHEME = Pattern.compile("(^|[\\s=\"'(])([^/@\\s:=\"'(]+):([^/\\s]*)@(?=[^\\s/@])");
    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(password|passwd|pwd|secret|token|passphrase|key|credentials?|\\.pin)$");

    private Secrets() {
    }

    /** {@code text} with every URL password replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        String masked = WITH_SCHEME.matcher(text).replaceAll("$1:" + MASK + "@");
        return WITHOUT_SCHEME.matcher(masked).replaceAll("$1$2:" + MASK + "@");
    }

    /** True when the parameter or detail named so holds a secret ({@code reg.1.auth.password}, ...). */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** The value as it may be shown: masked whole under a secret name, else with URL passwords masked. */
    public static String show(String name, String value) {
        if (value == null) {
            return null;
        }
        if (isSecretName(name) && !value.isEmpty()) {
            return MASK;
        }
        return mask(value);
    }
}
