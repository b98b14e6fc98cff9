package org.ztpbox.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The factory-reset table: every model the sources give a procedure for. Sources, cited per row:
 * REF = docs/polycom-provisioning.md §6.2; SEED-000 = a provider's "Resetting to Factory Default &
 * Provisioning" guide; SEED-001 = a provider's "Factory Reset" / "Hard Reset" guide; SEED-002 = the
 * Poly community FAQ "How can I reset / Factory default my Phones configuration?"; SEED-003 = 8x8
 * "Reusing Polycom Phones with 8x8", Appendix A. Where the sources disagree the majority is the
 * combination and the other one is the {@code alternative}, with a note.
 */
public final class ResetProcedures {

    private static final String REF = "docs/polycom-provisioning.md §6.2";
    private static final String SEED_000 = "seed 000: provider guide 'Resetting to Factory Default & Provisioning'";
    private static final String SEED_001 = "seed 001: provider guide 'Factory Reset' / 'How to Perform a Hard Reset'";
    private static final String SEED_002 = "seed 002: Poly community FAQ 'How can I reset / Factory default my Phones"
            + " configuration?'";
    private static final String SEED_003 = "seed 003: 8x8 'Reusing Polycom Phones with 8x8', Appendix A";

    /** Every row, in the order an admin with an unknown model should try the key combinations. */
    public static final List<ResetProcedure> ALL = List.of(
            // REF: VVX 101-601 and SpectraLink 84xx, 1, 3, 5. SEED-000: VVX 300/310/400/410/500/600,
            // SpectraLink 8400. SEED-001: "VVX-Series phones". SEED-002: VVX 150-601, SpectraLink 8400.
            // SEED-003: VVX 300/310/400/410/500/600.
            new ResetProcedure("vvx", ResetProcedure.Kind.KEYS_DURING_COUNTDOWN, Set.of("VVX 101", "VVX 150",
                    "VVX 201", "VVX 250", "VVX 300", "VVX 301", "VVX 310", "VVX 311", "VVX 350", "VVX 400", "VVX 401",
                    "VVX 410", "VVX 411", "VVX 450", "VVX 500", "VVX 501", "VVX 600", "VVX 601", "SpectraLink 84xx"),
                    List.of("1", "3", "5"), List.of(),
                    List.of("VVX 250, 350 and 450 built for UC Software 6.4.3 and later: Poly says the key combination"
                            + " changed on that hardware and shows the new one only in a video, not in ztpbox's"
                            + " sources; if 1, 3, 5 brings no password prompt, reset from the menu with the admin"
                            + " password (seed 002)"),
                    List.of(REF, SEED_000, SEED_001, SEED_002, SEED_003)),
            // REF and SEED-002: Trio 8300, 1, 3, 5 during the countdown.
            new ResetProcedure("trio-8300", ResetProcedure.Kind.KEYS_DURING_COUNTDOWN, Set.of("Trio 8300"),
                    List.of("1", "3", "5"), List.of(), List.of(), List.of(REF, SEED_002)),
            // REF (Virginia Tech 4help KB, OnSIP): Edge E100-E550, 1, 3, 5 right after power-up.
            new ResetProcedure("edge-e", ResetProcedure.Kind.KEYS_AT_POWER_UP, Set.of("Edge E*"),
                    List.of("1", "3", "5"), List.of(),
                    List.of("the phone reboots several times after the reset; let it finish (REF)"), List.of(REF)),
            // REF: IP 320/321/330/331/335/430/450, SoundStation IP 5000/7000, Duo. SEED-000: IP 321, 331,
            // 335, 450, SoundStation 5000/7000/Duo. SEED-001: IP 320/321/330/331/335/430/450; conference
            // phones IP 5000/7000. SEED-002: as SEED-000. SEED-003: IP 335 (and 560, see below), 5000/7000.
            new ResetProcedure("soundpoint-1357", ResetProcedure.Kind.KEYS_DURING_COUNTDOWN, Set.of(
                    "SoundPoint IP 320", "SoundPoint IP 321", "SoundPoint IP 330", "SoundPoint IP 331",
                    "SoundPoint IP 335", "SoundPoint IP 430", "SoundPoint IP 450", "SoundStation IP 5000",
                    "SoundStation IP 7000", "SoundStation Duo"),
                    List.of("1", "3", "5", "7"), List.of(), List.of(), List.of(REF, SEED_000, SEED_001, SEED_002,
                    SEED_003)),
            // REF: IP 301/501/550/560/600/601/650 and VVX 1500 (670 presumed). SEED-000 and SEED-002: IP
            // 550/560/650, VVX 1500. SEED-001: IP 301/501/550/600/601/650, and IP 550/560/570 in its hard
            // reset. SEED-003: IP 550 and 670, VVX 1500 - but IP 560 under 1, 3, 5, 7.
            new ResetProcedure("soundpoint-468star", ResetProcedure.Kind.KEYS_DURING_COUNTDOWN, Set.of(
                    "SoundPoint IP 301", "SoundPoint IP 501", "SoundPoint IP 550", "SoundPoint IP 560",
                    "SoundPoint IP 570", "SoundPoint IP 600", "SoundPoint IP 601", "SoundPoint IP 650",
                    "SoundPoint IP 670", "VVX 1500"),
                    List.of("4", "6", "8", "*"),
                    List.of(new ResetProcedure.Alternative(Set.of("SoundPoint IP 560"), List.of("1", "3", "5", "7"),
                            "SoundPoint IP 560: seed 003 lists it under 1, 3, 5 and 7; the reference and seeds 000,"
                                    + " 001 and 002 give 4, 6, 8 and *: try that first")), List.of(),
                    List.of(REF, SEED_000, SEED_001, SEED_002, SEED_003)),
            // REF: SoundStation IP 4000/6000. SEED-000 and SEED-002: IP 6000. SEED-001: 4000/6000 (and a
            // "500", read as a typo). SEED-003: 4000/6000. SEED-001's hard reset lists IP 6000 under 1, 3, 5, 7.
            new ResetProcedure("soundstation-68star", ResetProcedure.Kind.KEYS_DURING_COUNTDOWN, Set.of(
                    "SoundStation IP 4000", "SoundStation IP 6000"),
                    List.of("6", "8", "*"),
                    List.of(new ResetProcedure.Alternative(Set.of("SoundStation IP 6000"), List.of("1", "3", "5", "7"),
                            "SoundStation IP 6000: seed 001's hard-reset section lists it under 1, 3, 5 and 7; the"
                                    + " reference and seeds 000, 002 and 003 give 6, 8 and *: try that first")),
                    List.of(),
                    List.of(REF, SEED_000, SEED_001, SEED_002, SEED_003)),
            // REF (Noctel help): Trio 8500/8800, the four corners of the screen while the Poly logo shows.
            new ResetProcedure("trio-touch", ResetProcedure.Kind.TOUCH_CORNERS, Set.of("Trio 8500", "Trio 8800"),
                    List.of(), List.of(),
                    List.of("the sources do not say whether a password is asked; if it is, type the MAC address"
                            + " in lower case on the on-screen keyboard"), List.of(REF)),
            // SEED-002: VVX D60 / D230 base station, the reset button beside the power socket, 7 s.
            new ResetProcedure("dect-base", ResetProcedure.Kind.RESET_BUTTON, Set.of("VVX D60", "VVX D230"),
                    List.of(), List.of(), List.of("no password is asked"), List.of(SEED_002)));

    private ResetProcedures() {
    }

    /** The procedure for the model, when the sources give one. */
    public static Optional<ResetProcedure> of(PhoneModel model) {
        return ALL.stream().filter(p -> p.appliesTo(model)).findFirst();
    }

    /** The distinct key combinations to try on a phone of unknown model, most common first. */
    public static List<List<String>> combinationsToTry() {
        Set<List<String>> out = new LinkedHashSet<>();
        for (ResetProcedure p : ALL) {
            if (!p.keys().isEmpty()) {
                out.add(p.keys());
            }
        }
        return new ArrayList<>(out);
    }
}
