package org.ztpbox.diagnose;

import java.util.regex.Pattern;

/**
 * Masks passwords in provisioning addresses wherever they are shown: option 66 and 160 values may
 * carry {@code user:password@} (polycom-provisioning.md §2), and an old provider's password must not
 * end up in a terminal, a log, a finding or a support ticket. The user name stays, it helps to
 * recognise the provider.
 */
public final class Secrets {

    public static final String MASK = "****";

    // Greedy up to the last '@' before the path: a password may itself contain '@'.
    private static final Pattern WITH_SCHEME = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/@\\s:]*):([^/\\s]*)@");
    private static final Pattern WITHOUT_SCHEME = Pattern.compile("(^|[\\s=\"'(])([^/@\\s:=\"'(]+):([^/\\s]*)@(?=[^\\s/@])");

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
}
