package org.ztpbox.provisioning.template;

/**
 * One template as read: its name in the template set ({@code phone.cfg}, {@code models/VVX410.cfg}),
 * where it came from (for messages), and its text, or why it could not be read.
 *
 * @param origin  the file path, or {@code (embedded) phone.cfg} for a template shipped in the jar
 * @param text    the template, null when it could not be read
 * @param problem why it could not be read, null when it was
 */
public record Template(String name, String origin, String text, String problem) {

    public static Template of(String name, String origin, String text) {
        return new Template(name, origin, text, null);
    }

    public static Template unreadable(String name, String origin, String problem) {
        return new Template(name, origin, null, problem);
    }
}
