package org.ztpbox.diagnose;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Poly phone model, read from however it was written: by the admin ({@code VVX 410},
 * {@code SoundPoint IP 550}, {@code IP 6000}, {@code Trio 8800}, {@code E450}), in DHCP option 60
 * sub-option 2 ({@code VVX-VVX_410}, {@code SoundPointIP-SPIP_601}) or in the HTTP User-Agent's
 * model token ({@code VVX410}, {@code SSIP6000}, {@code EdgeE450}).
 *
 * @param number the model number as displayed, e.g. {@code 410}, {@code D60}, {@code E450}; empty
 *               for the SoundStation Duo
 */
public record PhoneModel(Family family, String number) {

    /** The product lines the reset tables name. */
    public enum Family {
        SOUNDPOINT_IP("SoundPoint IP"), SOUNDSTATION_IP("SoundStation IP"), SOUNDSTATION_DUO("SoundStation Duo"),
        VVX("VVX"), TRIO("Trio"), EDGE_E("Edge"), SPECTRALINK("SpectraLink"), CCX("CCX");

        private final String label;

        Family(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private record Form(Pattern pattern, Family family) {
    }

    // Tried in order on the upper-cased text stripped of everything but letters and digits.
    private static final List<Form> FORMS = List.of(
            new Form(Pattern.compile("VVX(D\\d+|\\d+)"), Family.VVX),
            new Form(Pattern.compile("(D60|D230)"), Family.VVX),
            new Form(Pattern.compile("(?:SPIP|SOUNDPOINTIP|SOUNDPOINT|IP)(\\d{3})"), Family.SOUNDPOINT_IP),
            new Form(Pattern.compile("(?:SSIP|SOUNDSTATIONIP|SOUNDSTATION|SS|IP)(\\d{4})"), Family.SOUNDSTATION_IP),
            new Form(Pattern.compile("(?:SSIP|SOUNDSTATIONIP|SOUNDSTATION|SS)?DUO()"), Family.SOUNDSTATION_DUO),
            new Form(Pattern.compile("(?:REALPRESENCE)?TRIO(\\d{4})"), Family.TRIO),
            new Form(Pattern.compile("(?:EDGE)?(E\\d{3})"), Family.EDGE_E),
            new Form(Pattern.compile("(?:SPECTRALINK)?(84\\d\\d)"), Family.SPECTRALINK),
            new Form(Pattern.compile("CCX(\\d{3,4})"), Family.CCX));

    /** The model the text names, or empty when it names none ztpbox knows. */
    public static Optional<PhoneModel> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String compact = compact(lastModelPart(text));
        for (String prefix : List.of("POLYCOM", "POLY")) {
            if (compact.startsWith(prefix)) {
                compact = compact.substring(prefix.length());
                break;
            }
        }
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(compact);
            if (m.matches()) {
                return Optional.of(new PhoneModel(form.family(), m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** Option 60 says {@code VVX-VVX_410}: the part after the family, when it holds a number. */
    private static String lastModelPart(String text) {
        String[] parts = text.trim().split("-");
        for (int i = parts.length - 1; i > 0; i--) {
            if (parts[i].chars().anyMatch(Character::isDigit)) {
                return parts[i];
            }
        }
        return text;
    }

    private static String compact(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** As people write it: {@code VVX 410}, {@code SoundPoint IP 550}, {@code Edge E450}. */
    public String display() {
        return number.isEmpty() ? family.label() : family.label() + " " + number;
    }

    @Override
    public String toString() {
        return display();
    }
}
