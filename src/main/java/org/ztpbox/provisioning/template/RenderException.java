package org.ztpbox.provisioning.template;

import java.util.List;

/**
 * A template cannot be rendered for this phone: nothing is produced, never half a file. Carries
 * every problem found, each with the template, its line and the variable concerned.
 */
public final class RenderException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param line     1-based line of the template, 0 when the problem is not on one line
     * @param variable the variable concerned (without {@code ${}}), or null
     */
    public record Problem(int line, String variable, String message) {
    }

    private final String template;
    private final transient List<Problem> problems;

    public RenderException(String template, List<Problem> problems) {
        super(format(template, problems));
        this.template = template;
        this.problems = List.copyOf(problems);
    }

    public static RenderException of(String template, int line, String variable, String message) {
        return new RenderException(template, List.of(new Problem(line, variable, message)));
    }

    /** The template's origin (its file, or the embedded name). */
    public String template() {
        return template;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String template, List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(template);
            if (p.line() > 0) {
                sb.append(" line ").append(p.line());
            }
            sb.append(": ").append(p.message());
        }
        return sb.toString();
    }
}
