package org.ztpbox.diagnose;

import java.util.List;
import java.util.Set;

/**
 * How one group of models is factory-reset by hand: the keys (or the touch or button) and when.
 *
 * @param models      the models it applies to, as displayed by {@link PhoneModel#display()};
 *                    {@code SpectraLink 84xx} and {@code Edge E*} stand for the whole series
 * @param keys        the dial-pad keys held together; empty for a touch or a button
 * @param alternatives other combinations some source gives for some of these models
 * @param notes       caveats, each with its source
 * @param sources     where the row comes from (docs/polycom-provisioning.md §6.2 and the seed guides)
 */
public record ResetProcedure(String id, Kind kind, Set<String> models, List<String> keys,
        List<Alternative> alternatives, List<String> notes, List<String> sources) {

    /** A combination a minority of the sources gives for {@code models}, with the note that says so. */
    public record Alternative(Set<String> models, List<String> keys, String note) {

        public Alternative {
            models = Set.copyOf(models);
            keys = List.copyOf(keys);
        }
    }

    /** When and how the reset is triggered. */
    public enum Kind {
        /** Keys held during the Updater/BootROM countdown, after Cancel at "Loading application". */
        KEYS_DURING_COUNTDOWN,
        /** Keys pressed together right after power-up (Edge E). */
        KEYS_AT_POWER_UP,
        /** The four corners of the touch screen (Trio 8500/8800). */
        TOUCH_CORNERS,
        /** A recessed button (VVX D60/D230 base stations). */
        RESET_BUTTON
    }

    public ResetProcedure {
        models = Set.copyOf(models);
        keys = List.copyOf(keys);
        alternatives = List.copyOf(alternatives);
        notes = List.copyOf(notes);
        sources = List.copyOf(sources);
    }

    public boolean appliesTo(PhoneModel model) {
        String shown = model.display();
        return models.contains(shown)
                || (model.family() == PhoneModel.Family.SPECTRALINK && models.contains("SpectraLink 84xx"))
                || (model.family() == PhoneModel.Family.EDGE_E && models.contains("Edge E*"));
    }

    /** The other combination a source gives for this very model, if any. */
    public java.util.Optional<Alternative> alternativeFor(PhoneModel model) {
        return alternatives.stream().filter(a -> a.models().contains(model.display())).findFirst();
    }

    /** {@code 1, 3, 5 and 7}. */
    public static String keysText(List<String> keys) {
        if (keys.size() <= 1) {
            return String.join("", keys);
        }
        return String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1);
    }
}
