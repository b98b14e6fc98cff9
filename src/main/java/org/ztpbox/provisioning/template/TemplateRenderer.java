package org.ztpbox.provisioning.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a template: the whole syntax is {@code ${name}}, {@code ${name:-default}} (the default,
 * literal text, when the variable is unknown or empty), and a doubled dollar before the brace for a
 * literal dollar and brace.
 * Values are XML-escaped, so no value can add markup; XML comments are copied untouched, so a
 * template may explain itself with {@code ${...}} examples. There are no conditions, loops or
 * expressions. The result must be well-formed XML, or nothing is produced.
 */
public final class TemplateRenderer {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    /** @throws RenderException naming the template, line and variable of every problem */
    public RenderedFile render(Template template, Variables variables) throws RenderException {
        if (template.text() == null) {
            throw RenderException.of(template.origin(), 0, null, template.problem());
        }
        Substitution s = new Substitution(template.text(), variables);
        s.run();
        if (!s.problems.isEmpty()) {
            throw new RenderException(template.origin(), s.problems);
        }
        byte[] bytes = s.out.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> parameters;
        try {
            parameters = PolycomXml.parameters(bytes);
        } catch (PolycomXml.MalformedException e) {
            Set<String> used = s.usedOnLine.getOrDefault(e.line(), Set.of());
            String after = used.isEmpty() ? "" : " after substituting " + String.join(", ", used.stream()
                    .map(v -> "${" + v + "}").toList());
            throw RenderException.of(template.origin(), e.line(), used.isEmpty() ? null : used.iterator().next(),
                    "not well-formed XML" + after + ": " + e.getMessage());
        }
        return new RenderedFile(bytes, parameters, s.secret || PolycomXml.holdsCredentials(parameters));
    }

    /** One pass over a template; line numbers of the output equal those of the template. */
    private static final class Substitution {
        private final String text;
        private final Variables variables;
        private final StringBuilder out;
        private final List<RenderException.Problem> problems = new ArrayList<>();
        private final Map<Integer, Set<String>> usedOnLine = new HashMap<>();
        private boolean secret;
        private int line = 1;

        Substitution(String text, Variables variables) {
            this.text = text;
            this.variables = variables;
            this.out = new StringBuilder(text.length() + 256);
        }

        void run() {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '<' && text.startsWith("<!--", i)) {
                    int end = text.indexOf("-->", i + 4);
                    end = end < 0 ? text.length() : end + 3;
                    copy(i, end);
                    i = end;
                } else if (c == '$' && text.startsWith("$${", i)) {
                    out.append("${");
                    i += 3;
                } else if (c == '$' && text.startsWith("${", i)) {
                    i = variable(i);
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    out.append(c);
                    i++;
                }
            }
        }

        private void copy(int from, int to) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            out.append(text, from, to);
        }

        /** Substitutes the reference starting at {@code start}; returns where the text goes on. */
        private int variable(int start) {
            int close = text.indexOf('}', start + 2);
            int newline = text.indexOf('\n', start + 2);
            if (close < 0 || (newline >= 0 && newline < close)) {
                problems.add(new RenderException.Problem(line, null, "'${' without a closing '}' on the same line"));
                out.append("${");
                return start + 2;
            }
            String reference = text.substring(start + 2, close);
            int colon = reference.indexOf(":-");
            String name = colon < 0 ? reference : reference.substring(0, colon);
            String fallback = colon < 0 ? null : reference.substring(colon + 2);
            if (!NAME.matcher(name).matches()) {
                problems.add(new RenderException.Problem(line, name, "'${" + reference + "}' is not a variable"
                        + " reference (${name} or ${name:-default})"));
                return close + 1;
            }
            Variables.Value value = variables.get(name);
            String replacement;
            if (value == null && fallback == null) {
                problems.add(new RenderException.Problem(line, name, "unknown variable ${" + name + "}"));
                return close + 1;
            } else if ((value == null || value.text().isEmpty()) && fallback != null) {
                replacement = fallback;
            } else {
                replacement = value.text();
                secret |= value.secret() && !replacement.isEmpty();
            }
            if (PolycomXml.hasForbiddenCharacter(replacement)) {
                problems.add(new RenderException.Problem(line, name, "the value of ${" + name
                        + "} holds a control character XML cannot carry"));
                return close + 1;
            }
            usedOnLine.computeIfAbsent(line, l -> new LinkedHashSet<>()).add(name);
            out.append(PolycomXml.escape(replacement));
            return close + 1;
        }
    }
}
