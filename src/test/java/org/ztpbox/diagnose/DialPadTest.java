package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;

class DialPadTest {

    /** Character and action text, one row per action, the character only on its first row (as the FAQ prints it). */
    private static List<String> rows(List<DialPad.Typed> typed) {
        List<String> rows = new ArrayList<>();
        for (DialPad.Typed t : typed) {
            for (int i = 0; i < t.actions().size(); i++) {
                rows.add((i == 0 ? t.character() : " ") + " | " + t.actions().get(i).text());
            }
        }
        return rows;
    }

    @Test
    void theMacOfThePolyFaqGivesExactlyTheFaqsKeystrokes() {
        // seed 002, "Here are the exact keystrokes to reset a phone with an example MAC Address of 00-04-F2-AA-81-4C"
        String password = MacAddress.parse("00-04-F2-AA-81-4C").compact();

        assertThat(rows(DialPad.keystrokes(password))).containsExactly(
                "0 | Press the '0' key once",
                "0 | Press the '0' key once",
                "0 | Press the '0' key once",
                "4 | Press the '4' key once",
                "f | Select the input modifier once to toggle into lower case letter mode",
                "  | Press the '3' key three times quickly",
                "2 | Select the input modifier twice to toggle back into numeric mode",
                "  | Press the '2' key once",
                "a | Select the input modifier once to toggle into lower case letter mode",
                "  | Press the '2' key once",
                "  | Wait for two seconds for the blinking cursor to return",
                "a | Press the '2' key once",
                "8 | Select the input modifier twice to toggle back into numeric mode",
                "  | Press the '8' key once",
                "1 | Press the '1' key once",
                "4 | Press the '4' key once",
                "c | Select the input modifier once to toggle into lower case letter mode",
                "  | Press the '2' key three times quickly");
    }

    @Test
    void everyHexDigitHasItsKeyAndPressCount() {
        String hex = "0123456789abcdef";
        String[] keys = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "2", "2", "2", "3", "3", "3"};
        int[] presses = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 1, 2, 3};
        for (int i = 0; i < hex.length(); i++) {
            List<DialPad.Typed> typed = DialPad.keystrokes(String.valueOf(hex.charAt(i)));
            DialPad.Action press = typed.get(0).actions().get(typed.get(0).actions().size() - 1);
            assertThat(press.kind()).as("%s", hex.charAt(i)).isEqualTo(DialPad.Kind.KEY);
            assertThat(press.key()).as("key of %s", hex.charAt(i)).isEqualTo(keys[i]);
            assertThat(press.presses()).as("presses of %s", hex.charAt(i)).isEqualTo(presses[i]);
            boolean letter = i >= 10;
            assertThat(typed.get(0).actions()).as("%s starts in numeric mode", hex.charAt(i))
                    .hasSize(letter ? 2 : 1);
        }
        assertThat(DialPad.keystrokes("b").get(0).actions().get(1).text()).isEqualTo("Press the '2' key twice quickly");
        assertThat(DialPad.keystrokes("E").get(0).actions().get(1).text()).as("upper case typed as lower case")
                .isEqualTo("Press the '3' key twice quickly");
    }

    @Test
    void lettersOnTheSameKeyWaitForTheCursorAndOtherKeysDoNot() {
        // a b c are all on 2: the cursor must move on between them; d (on 3) follows c at once.
        assertThat(rows(DialPad.keystrokes("abcd"))).containsExactly(
                "a | Select the input modifier once to toggle into lower case letter mode",
                "  | Press the '2' key once",
                "  | Wait for two seconds for the blinking cursor to return",
                "b | Press the '2' key twice quickly",
                "  | Wait for two seconds for the blinking cursor to return",
                "c | Press the '2' key three times quickly",
                "d | Press the '3' key once");
        // Repeated digits need no wait; neither does a letter after a digit on the same key (the mode key intervenes).
        assertThat(DialPad.compact(DialPad.keystrokes("0004f2aa814c")))
                .isEqualTo("0 0 0 4 [mode] 333 [mode x2] 2 [mode] 2 (wait) 2 [mode x2] 8 1 4 [mode] 222");
        assertThat(DialPad.compact(DialPad.keystrokes("2a"))).isEqualTo("2 [mode] 2");
        assertThat(DialPad.compact(DialPad.keystrokes("ffee"))).isEqualTo("[mode] 333 (wait) 333 (wait) 33 (wait) 33");
    }

    @Test
    void otherMacsOfPolyOuis() {
        assertThat(DialPad.compact(DialPad.keystrokes(MacAddress.parse("64:16:7F:30:A7:55").compact())))
                .isEqualTo("6 4 1 6 7 [mode] 333 [mode x2] 3 0 [mode] 2 [mode x2] 7 5 5");
        assertThat(DialPad.compact(DialPad.keystrokes(MacAddress.parse("48:25:67:DE:AD:BE").compact())))
                .isEqualTo("4 8 2 5 6 7 [mode] 3 (wait) 33 2 3 22 33");
        assertThat(DialPad.compact(DialPad.keystrokes(MacAddress.parse("0004f2ccccdd").compact())))
                .isEqualTo("0 0 0 4 [mode] 333 [mode x2] 2 [mode] 222 (wait) 222 (wait) 222 (wait) 222 3 (wait) 3");
    }

    @Test
    void addressesUseStarForDotAndHashForSlash() {
        assertThat(DialPad.compact(DialPad.keystrokes("10.0.0.2/prov/")))
                .as("p and r share the 7 key").isEqualTo("1 0 * 0 * 0 * 2 # [mode] 7 (wait) 777 666 888 [mode x2] #");
        List<DialPad.Typed> port = DialPad.keystrokes("host:8080");
        assertThat(port.get(4).actions()).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(DialPad.Kind.UNSUPPORTED));
        assertThat(port.get(4).actions().get(0).text()).contains("':'");
    }
}
