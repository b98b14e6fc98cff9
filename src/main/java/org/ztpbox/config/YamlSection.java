package org.ztpbox.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML mapping with line numbers: typed getters for the known keys, and a final
 * {@link #finish()} that reports every key nobody asked for as unknown.
 *
 * <p>A wrong value is reported to {@link Problems} and the getter returns empty, so reading carries
 * on and the admin sees every mistake of the file at once.
 */
final class YamlSection {

    private final String path;
    private final int line;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> consumed = new java.util.HashSet<>();
    private final Problems problems;

    private YamlSection(String path, int line, Problems problems) {
        this.path = path;
        this.line = line;
        this.problems = problems;
    }

    /** A section over {@code node}; a non-mapping node is reported and read as empty. */
    static YamlSection of(String path, Node node, Problems problems) {
        YamlSection section = new YamlSection(path, node == null ? 0 : lineOf(node), problems);
        if (node == null || isNull(node)) {
            return section;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(path.isEmpty() ? "(top level)" : path, lineOf(node), "expected a mapping of keys, found "
                    + describe(node));
            return section;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null) {
                problems.add(path, lineOf(tuple.getKeyNode()), "keys must be plain names");
            } else if (section.entries.containsKey(key)) {
                problems.add(section.key(key), lineOf(tuple.getKeyNode()), "duplicate key (first given on line "
                        + lineOf(section.entries.get(key).getKeyNode()) + ")");
            } else {
                section.entries.put(key, tuple);
            }
        }
        return section;
    }

    static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static boolean isNull(Node node) {
        return node.getTag().equals(Tag.NULL);
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return "'" + scalar.getValue() + "'";
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    int line() {
        return line;
    }

    /** The line of {@code name}'s value, or of this section when the key is absent. */
    int lineOf(String name) {
        NodeTuple tuple = entries.get(name);
        return tuple == null ? line : lineOf(tuple.getValueNode());
    }

    /** The keys given in this section, in file order (for sections whose keys the admin names). */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** Reports a problem with the key {@code name} of this section, at its line. */
    void problem(String name, String message) {
        consumed.add(name);
        NodeTuple tuple = entries.get(name);
        problems.add(key(name), tuple == null ? line : lineOf(tuple.getKeyNode()), message);
    }

    boolean has(String name) {
        NodeTuple tuple = entries.get(name);
        return tuple != null && !isNull(tuple.getValueNode());
    }

    private Optional<Node> node(String name) {
        consumed.add(name);
        NodeTuple tuple = entries.get(name);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(tuple.getValueNode());
    }

    Optional<String> string(String name) {
        return node(name).flatMap(node -> scalar(key(name), node));
    }

    private Optional<String> scalar(String key, Node node) {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problems.add(key, lineOf(node), "expected a single value, found " + describe(node));
        return Optional.empty();
    }

    /** A value converted by {@code parser}; an {@link IllegalArgumentException} becomes a problem. */
    <T> Optional<T> value(String name, Function<String, T> parser) {
        return string(name).flatMap(text -> convert(key(name), lineOf(name), text, parser));
    }

    <T> Optional<T> convert(String key, int atLine, String text, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException e) {
            problems.add(key, atLine, e.getMessage());
            return Optional.empty();
        }
    }

    Optional<Integer> integer(String name, int min, int max) {
        return value(name, text -> {
            long number;
            try {
                number = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number, found '" + text + "'");
            }
            if (number < min || number > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max + ", found " + number);
            }
            return (int) number;
        });
    }

    Optional<Boolean> bool(String name) {
        return value(name, text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false, found '" + text + "'");
        });
    }

    Optional<Duration> duration(String name, Duration min) {
        return value(name, text -> {
            Duration duration = Durations.parse(text);
            if (duration.compareTo(min) < 0) {
                throw new IllegalArgumentException("must be at least " + Durations.format(min) + ", found " + text);
            }
            return duration;
        });
    }

    /** A sequence of values; a single scalar is accepted as a list of one. */
    <T> List<T> list(String name, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        Optional<Node> maybe = node(name);
        if (maybe.isEmpty()) {
            return out;
        }
        Node node = maybe.get();
        if (node instanceof ScalarNode scalar) {
            convert(key(name), lineOf(node), scalar.getValue(), parser).ifPresent(out::add);
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                String itemKey = key(name) + "[" + i + "]";
                scalar(itemKey, item).flatMap(text -> convert(itemKey, lineOf(item), text, parser)).ifPresent(out::add);
            }
        } else {
            problems.add(key(name), lineOf(node), "expected a list of values, found a mapping");
        }
        return out;
    }

    /** A sequence of mappings, each read as a section named {@code name[i]}. */
    List<YamlSection> sections(String name) {
        List<YamlSection> out = new ArrayList<>();
        Optional<Node> maybe = node(name);
        if (maybe.isEmpty()) {
            return out;
        }
        if (!(maybe.get() instanceof SequenceNode sequence)) {
            problems.add(key(name), lineOf(maybe.get()), "expected a list, found " + describe(maybe.get()));
            return out;
        }
        for (int i = 0; i < sequence.getValue().size(); i++) {
            out.add(of(key(name) + "[" + i + "]", sequence.getValue().get(i), problems));
        }
        return out;
    }

    YamlSection section(String name) {
        Optional<Node> node = node(name);
        return node.map(n -> of(key(name), n, problems)).orElseGet(() -> new YamlSection(key(name), line, problems));
    }

    /** Reports every key that no getter read, suggesting the nearest known key. */
    void finish(Set<String> known) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!consumed.contains(entry.getKey())) {
                String hint = nearest(entry.getKey(), known).map(k -> " (did you mean '" + k + "'?)").orElse("");
                problems.add(key(entry.getKey()), lineOf(entry.getValue().getKeyNode()), "unknown key" + hint);
            }
        }
    }

    /** Like {@link #finish(Set)}, with the keys read so far as the known ones. */
    void finish() {
        finish(Set.copyOf(consumed));
    }

    private static Optional<String> nearest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = editDistance(key.toLowerCase(Locale.ROOT), candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= 2 ? Optional.of(best) : Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
