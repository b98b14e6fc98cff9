package org.ztpbox.core;

/**
 * The admin password ztpbox sets on phones ({@code device.auth.localAdminPassword}), so that no
 * phone ends up with one nobody knows. Rules from the phones' parameter reference as one project
 * documents it (polycom-provisioning.md §3.4): 1 to 32 printable ASCII characters, no {@code <} or
 * {@code >}, and never the factory default {@code 456}, which the phone refuses as a new value.
 * {@link #toString()} hides the value, so it cannot slip into a log.
 */
public record PhoneAdminPassword(String value) {

    public static final int MAX_LENGTH = 32;

    public PhoneAdminPassword {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why {@code value} cannot be a phone admin password, or null when it can. */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "the phone admin password is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "the phone admin password is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '<' || c == '>') {
                return "the phone admin password may hold printable ASCII only, without spaces, '<' or '>'";
            }
        }
        if (value.equals("456")) {
            return "456 is the factory default admin password; phones refuse it as a new one";
        }
        return null;
    }

    @Override
    public String toString() {
        return "PhoneAdminPassword[****]";
    }
}
