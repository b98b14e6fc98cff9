package org.ztpbox.diagnose;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Masks secrets before anything is shown: values of parameters and details whose name says they are
 * secret, and the password in {@code scheme://user:password@host} URLs wherever it appears.
 */
public final class Secrets {

    public static final String MASK = "***";

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/\\s:@]*:)[^@/\\s]*@");
    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(password|passwd|pwd|secret|token|passphrase|key|credentials?|\\.pin)$");

    private Secrets() {
    }

    /** True when the parameter or detail named so holds a secret ({@code reg.1.auth.password}, ...). */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** The value as it may be shown: masked whole for a secret name, else with URL passwords masked. */
    public static String show(String name, String value) {
        if (value == null) {
            return null;
        }
        if (isSecretName(name) && !value.isEmpty()) {
            return MASK;
        }
        return maskUrls(value);
    }

    /** Replaces the password of every {@code scheme://user:password@} in the text. */
    public static String maskUrls(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return URL_PASSWORD.matcher(text).replaceAll("$1" + MASK.replace("*", "\\*") + "@");
    }
}
