package org.ztpbox.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of an uploaded override file that change what ztpbox means the phone to run:
 * every parameter whose value differs from the expected one, or that ztpbox does not set at all
 * (an override then pins a value the phone would otherwise take from its defaults).
 */
public final class OverrideDiff {

    private OverrideDiff() {
    }

    /**
     * One overridden parameter; values are raw (secrets included): show them through {@link #shown()}.
     *
     * @param expected the value ztpbox provisions, or null when it sets none
     */
    public record Overridden(String name, String uploaded, String expected, ParameterClass parameterClass) {

        /** {@code name = "value" (ztpbox: "value")}, secrets masked. */
        public String shown() {
            String ours = expected == null ? "not set" : quote(Secrets.show(name, expected));
            if (expected != null && Secrets.isSecretName(name)) {
                ours += ", differs";
            }
            return name + " = " + quote(Secrets.show(name, uploaded)) + " (ztpbox: " + ours + ")";
        }

        private static String quote(String value) {
            return Secrets.MASK.equals(value) ? value : "\"" + value + "\"";
        }
    }

    /** The overridden parameters, in the uploaded file's order. */
    public static List<Overridden> diff(Map<String, String> uploaded, Map<String, String> expected) {
        List<Overridden> out = new ArrayList<>();
        uploaded.forEach((name, value) -> {
            String ours = expected.get(name);
            if (ours == null || !Objects.equals(ours, value)) {
                out.add(new Overridden(name, value, ours, ParameterClass.of(name, ours != null)));
            }
        });
        return out;
    }
}
