package org.ztpbox.config;

import java.util.List;

/**
 * The configuration file is unusable. Carries every problem found, each naming its key and line,
 * so that an admin fixes them all in one pass.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(String source, List<ConfigProblem> problems) {
        super(format(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(String source, List<ConfigProblem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(source).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (ConfigProblem problem : problems) {
            sb.append(System.lineSeparator()).append("  ").append(problem);
        }
        return sb.toString();
    }

    /** One problem: the dotted key, the 1-based line (0 when the file has no such line), and what is wrong. */
    public record ConfigProblem(String key, int line, String message) {
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + key + ": " + message;
        }
    }
}
