package org.ztpbox.provisioning.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values a template may name, as {@code ${phone.extension}}: dotted names to text. A secret
 * value (a password) marks every file it is rendered into as holding credentials. Immutable.
 */
public final class Variables {

    /** One value; {@code secret} when it must only travel to its phone (and encrypted when possible). */
    public record Value(String text, boolean secret) {
        @Override
        public String toString() {
            return secret ? "****" : text;
        }
    }

    private final Map<String, Value> values;

    private Variables(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of {@code name}, or null when no such variable exists. */
    public Value get(String name) {
        return values.get(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** Collects values; a later {@code put} of a name replaces the earlier one. */
    public static final class Builder {
        private final Map<String, Value> values = new LinkedHashMap<>();

        public Builder put(String name, String text) {
            values.put(name, new Value(text == null ? "" : text, false));
            return this;
        }

        public Builder putSecret(String name, String text) {
            values.put(name, new Value(text == null ? "" : text, true));
            return this;
        }

        public Builder putAll(Variables other) {
            values.putAll(other.values);
            return this;
        }

        public Variables build() {
            return new Variables(new LinkedHashMap<>(values));
        }
    }
}
