package org.ztpbox.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The exact keystrokes for typing text on a Poly phone's dial pad: the MAC address as the reset
 * password, the provisioning server address in the Setup menu.
 *
 * <p>The model follows the Poly FAQ's worked example for {@code 00-04-F2-AA-81-4C} (seed 002): the
 * entry starts in numeric mode; one press of the input modifier goes from numeric to lower-case
 * letter mode and two more presses come back to numeric (the modifier cycles numeric, lower case,
 * upper case); letters are multi-tap ({@code 2} = abc, {@code 3} = def, ...); two letters in a row
 * on the same key need a two-second wait for the blinking cursor to move on, or the second press
 * changes the first letter. Digits in a row need no wait. For addresses, {@code *} types {@code .}
 * and {@code #} types {@code /} (seeds 000 and 003); they are pressed in numeric mode.
 */
public final class DialPad {

    private static final String[] LETTER_KEYS = {"2abc", "3def", "4ghi", "5jkl", "6mno", "7pqrs", "8tuv", "9wxyz"};
    private static final String WAIT_TEXT = "Wait for two seconds for the blinking cursor to return";

    private DialPad() {
    }

    /** The input modes, in the order the modifier cycles through them. */
    public enum Mode {
        NUMERIC("numeric mode"), LOWER("lower case letter mode"), UPPER("upper case letter mode");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        int pressesTo(Mode target) {
            return Math.floorMod(target.ordinal() - ordinal(), values().length);
        }
    }

    /** What to do. */
    public enum Kind {
        /** Press the input modifier soft key {@code presses} times. */
        MODE,
        /** Press a dial-pad key {@code presses} times. */
        KEY,
        /** Wait for the cursor to advance. */
        WAIT,
        /** No dial-pad key is documented for the character. */
        UNSUPPORTED
    }

    /**
     * One action, with the FAQ's wording in {@code text}.
     *
     * @param key  the dial-pad key for {@link Kind#KEY}, else empty
     * @param mode the mode reached, for {@link Kind#MODE}; null otherwise
     */
    public record Action(Kind kind, String key, int presses, Mode mode, String text) {
    }

    /** The actions that type one character. */
    public record Typed(String character, List<Action> actions) {

        public Typed {
            actions = List.copyOf(actions);
        }
    }

    /** The keystrokes for {@code text}; letters are typed in lower case. */
    public static List<Typed> keystrokes(String text) {
        List<String> characters = new ArrayList<>();
        List<List<Action>> actions = new ArrayList<>();
        Mode mode = Mode.NUMERIC;
        String lastLetterKey = null;
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            List<Action> these = new ArrayList<>();
            String key;
            int presses = 1;
            Mode needed = Mode.NUMERIC;
            if (c >= '0' && c <= '9') {
                key = String.valueOf(c);
            } else if (c == '.') {
                key = "*";
            } else if (c == '/') {
                key = "#";
            } else {
                key = letterKey(c);
                if (key == null) {
                    these.add(new Action(Kind.UNSUPPORTED, "", 0, null, "No dial-pad key is documented for '" + c
                            + "': pick it from the phone's symbol list"));
                    characters.add(String.valueOf(c));
                    actions.add(these);
                    lastLetterKey = null;
                    continue;
                }
                presses = letterPresses(c);
                needed = Mode.LOWER;
            }
            if (mode != needed) {
                int toggles = mode.pressesTo(needed);
                these.add(new Action(Kind.MODE, "", toggles, needed, "Select the input modifier " + times(toggles)
                        + " to toggle " + (needed == Mode.NUMERIC ? "back " : "") + "into " + needed.label()));
                mode = needed;
                lastLetterKey = null;
            } else if (needed == Mode.LOWER && key.equals(lastLetterKey)) {
                // The FAQ puts the wait after the first letter: the cursor has to move on before the next press.
                actions.get(actions.size() - 1).add(new Action(Kind.WAIT, "", 0, null, WAIT_TEXT));
            }
            these.add(new Action(Kind.KEY, key, presses, null, "Press the '" + key + "' key " + times(presses)
                    + (presses > 1 ? " quickly" : "")));
            lastLetterKey = needed == Mode.LOWER ? key : null;
            characters.add(String.valueOf(c));
            actions.add(these);
        }
        List<Typed> out = new ArrayList<>();
        for (int i = 0; i < characters.size(); i++) {
            out.add(new Typed(characters.get(i), actions.get(i)));
        }
        return out;
    }

    /** The keys alone, e.g. {@code 0 0 0 4 [mode] 333 [mode x2] 2 ...}, for a compact line. */
    public static String compact(List<Typed> typed) {
        StringBuilder sb = new StringBuilder();
        for (Typed t : typed) {
            for (Action a : t.actions()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                switch (a.kind()) {
                    case MODE -> sb.append(a.presses() == 1 ? "[mode]" : "[mode x" + a.presses() + "]");
                    case KEY -> sb.append(a.key().repeat(a.presses()));
                    case WAIT -> sb.append("(wait)");
                    case UNSUPPORTED -> sb.append("(").append(t.character()).append(" ?)");
                    default -> throw new IllegalStateException(a.kind().name());
                }
            }
        }
        return sb.toString();
    }

    private static String letterKey(char c) {
        for (String keys : LETTER_KEYS) {
            if (keys.indexOf(c, 1) > 0) {
                return keys.substring(0, 1);
            }
        }
        return null;
    }

    private static int letterPresses(char c) {
        for (String keys : LETTER_KEYS) {
            int at = keys.indexOf(c, 1);
            if (at > 0) {
                return at;
            }
        }
        throw new IllegalArgumentException("not a letter: " + c);
    }

    private static String times(int n) {
        return switch (n) {
            case 1 -> "once";
            case 2 -> "twice";
            case 3 -> "three times";
            case 4 -> "four times";
            default -> n + " times";
        };
    }
}
