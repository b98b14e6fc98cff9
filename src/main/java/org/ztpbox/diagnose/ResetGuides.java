package org.ztpbox.diagnose;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;

/**
 * Builds a phone's {@link ResetGuide}: the model from {@code --model}, else the latest one the phone
 * reported (DHCP option 60, HTTP User-Agent), else every combination to try.
 */
public final class ResetGuides {

    private ResetGuides() {
    }

    /**
     * @param givenModel      the model the admin named, or null
     * @param events          the phone's events, oldest first
     * @param provisioningUrl where ztpbox serves phones ({@code provisioning.url}), or null when unknown
     * @throws IllegalArgumentException when {@code givenModel} names no model ztpbox knows
     */
    public static ResetGuide build(MacAddress mac, String givenModel, List<PhoneEvent> events, String provisioningUrl) {
        return build(mac, givenModel, null, events, provisioningUrl);
    }

    /**
     * @param declaredModel the model the inventory gives the phone, or null: used when the phone
     *                      itself reported none (what a phone reports is the better witness)
     */
    public static ResetGuide build(MacAddress mac, String givenModel, String declaredModel, List<PhoneEvent> events,
                                   String provisioningUrl) {
        PhoneModel model;
        String source;
        Optional<PhoneModel> declared = declaredModel == null ? Optional.empty() : PhoneModel.parse(declaredModel);
        if (givenModel == null && observedModel(events) == null && declared.isPresent()) {
            model = declared.get();
            source = "from the inventory";
        } else if (givenModel != null) {
            model = PhoneModel.parse(givenModel).orElseThrow(() -> new IllegalArgumentException("unknown model '"
                    + givenModel + "': write it like 'VVX 410', 'SoundPoint IP 550', 'SoundStation IP 6000',"
                    + " 'Trio 8800' or 'Edge E450'"));
            source = "given with --model";
        } else {
            Observed seen = observedModel(events);
            model = seen == null ? null : seen.model();
            source = seen == null ? "unknown: the phone reported no model in the stored events; give --model"
                    : seen.source();
        }
        String firmware = observedFirmware(events);
        Optional<ResetProcedure> procedure = model == null ? Optional.empty() : ResetProcedures.of(model);
        List<ResetProcedure> procedures = procedure.map(List::of).orElseGet(() -> ResetProcedures.ALL.stream()
                .filter(p -> !p.keys().isEmpty()).toList());
        List<String> notes = new ArrayList<>();
        if (model != null && procedure.isEmpty()) {
            notes.add("ztpbox's sources give no reset procedure for the " + model.display() + "; see its admin"
                    + " guide, or try the key combinations below");
        }
        procedure.ifPresent(p -> {
            notes.addAll(p.notes());
            p.alternativeFor(model).ifPresent(a -> notes.add(a.note()));
        });
        ResetProcedure.Kind kind = procedure.map(ResetProcedure::kind)
                .orElse(ResetProcedure.Kind.KEYS_DURING_COUNTDOWN);
        String password = mac.compact();
        notes.addAll(generalNotes(kind, mac));
        return new ResetGuide(mac, model, source, firmware, procedures,
                steps(kind, procedure.orElse(null), firmware, password), password, DialPad.keystrokes(password),
                setup(provisioningUrl), notes);
    }

    private record Observed(PhoneModel model, String source) {
    }

    private static Observed observedModel(List<PhoneEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            PhoneEvent e = events.get(i);
            String reported = e.detail("model");
            Optional<PhoneModel> model = PhoneModel.parse(reported);
            if (model.isPresent()) {
                String where = e.source().equals("dhcp") ? "DHCP option 60" : e.source().equals("http")
                        ? "the HTTP User-Agent" : e.source() + " event";
                return new Observed(model.get(), "observed in " + where + " ('" + reported + "') at " + e.at());
            }
        }
        return null;
    }

    private static String observedFirmware(List<PhoneEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            PhoneEvent e = events.get(i);
            if (e.detail("firmware") != null) {
                return e.detail("firmware");
            }
            String app = e.detail("app_version");
            if (app != null && app.split("/").length >= 2) {
                return app.split("/")[1]; // option 60 sub-option 4: SIP/5.9.5.0614/12-Dec-19 08:57
            }
        }
        return null;
    }

    private static List<String> steps(ResetProcedure.Kind kind, ResetProcedure procedure, String firmware,
            String password) {
        List<String> steps = new ArrayList<>();
        String powerCycle = "Power-cycle the phone: unplug it, count to 10, plug it back in (seed 001).";
        String enterPassword = "At the password prompt enter the admin password if you know it (456 from the"
                + " factory), otherwise the MAC address " + password + " with the keystrokes below. The entry is"
                + " hidden: if a key goes wrong, start over. Then press OK (seeds 000, 001, 002).";
        switch (kind) {
            case KEYS_DURING_COUNTDOWN -> {
                steps.add(powerCycle);
                if (firmware != null && majorVersion(firmware) >= 0 && majorVersion(firmware) <= 3) {
                    steps.add("This phone ran SIP " + firmware + " (BootROM, no Updater): the BootROM counts down right"
                            + " after power-up, there is nothing to cancel; you have about 5-10 seconds (seed 001).");
                } else {
                    steps.add("When 'Loading application' appears (UC Software 3.3.0 and later start the Updater"
                            + " first), press the Cancel soft key: a countdown of about 7 seconds starts. Do not"
                            + " press Setup (seeds 001, 002, 003).");
                }
                steps.add(procedure != null
                        ? "During the countdown, press and hold " + ResetProcedure.keysText(procedure.keys())
                        + " together until the password prompt appears (seed 002)."
                        : "During the countdown, press and hold the model's keys together until the password prompt"
                        + " appears. The model is unknown: try " + combinationsText() + ", one combination per"
                        + " power cycle (seed 002).");
                steps.add(enterPassword);
                steps.add("The phone shows 'Resetting Configuration, please wait', then 'Configuration Reset', and"
                        + " reboots by itself; give it a few minutes for a second automatic reboot (seed 000).");
            }
            case KEYS_AT_POWER_UP -> {
                steps.add(powerCycle);
                steps.add("Right after power-up, when the headset and handsfree LEDs go off, press "
                        + ResetProcedure.keysText(procedure.keys()) + " together (polycom-provisioning.md §6.2).");
                steps.add(enterPassword);
                steps.add("The phone reboots several times; let it finish (polycom-provisioning.md §6.2).");
            }
            case TOUCH_CORNERS -> {
                steps.add(powerCycle);
                steps.add("While the Poly logo shows, touch and hold the four corners of the screen; release when"
                        + " the mute keys flash (polycom-provisioning.md §6.2).");
                steps.add("If a password is asked, enter the admin password (456 from the factory) or the MAC"
                        + " address " + password + " on the on-screen keyboard.");
            }
            case RESET_BUTTON -> steps.add("With a pin or a paper clip, press and hold the reset button beside the"
                    + " power socket for 7 seconds (seed 002).");
            default -> throw new IllegalStateException(kind.name());
        }
        return steps;
    }

    private static String combinationsText() {
        List<String> parts = new ArrayList<>();
        for (List<String> keys : ResetProcedures.combinationsToTry()) {
            parts.add(ResetProcedure.keysText(keys) + " (" + ResetProcedures.ALL.stream()
                    .filter(p -> p.keys().equals(keys)).map(ResetProcedure::id).reduce((a, b) -> a + ", " + b)
                    .orElse("") + ")");
        }
        return String.join("; then ", parts);
    }

    private static List<String> generalNotes(ResetProcedure.Kind kind, MacAddress mac) {
        List<String> notes = new ArrayList<>();
        if (kind == ResetProcedure.Kind.KEYS_DURING_COUNTDOWN || kind == ResetProcedure.Kind.KEYS_AT_POWER_UP) {
            notes.add("Input mode: one press of the input modifier soft key goes from numeric to lower-case letters,"
                    + " two more come back to numeric (seed 002). Its label shows the mode (1->Aa, A->a1, a->1A);"
                    + " if a press shows upper case (A), press again until it shows lower case (a): seed 000 asks"
                    + " for lower case, seed 001 says case does not matter.");
        }
        if (kind == ResetProcedure.Kind.KEYS_DURING_COUNTDOWN) {
            notes.add("Before UC Software 4.0.0 the key combination resets the device settings only (flash"
                    + " parameters, log files) (seed 002).");
        }
        notes.add("With the admin password known, the menu does the same: Menu > Settings > Advanced (password)"
                + " > Administration Settings > Reset to Defaults > Reset to Factory, UC Software 4.0.0 and later"
                + " (seed 002; polycom-provisioning.md §6.3).");
        notes.add("A reset phone takes its provisioning server from DHCP (options 160/66) and re-applies the"
                + " override files it finds there: run 'ztpbox prepare-reset " + mac + "' before the reset, and"
                + " 'ztpbox doctor' to find other DHCP servers handing out old options (seed 002;"
                + " polycom-provisioning.md §6.4).");
        return notes;
    }

    /** The Setup-menu part, or null without a provisioning URL. */
    static ResetGuide.Setup setup(String provisioningUrl) {
        if (provisioningUrl == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(provisioningUrl);
        } catch (URISyntaxException e) {
            return null;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String type = uri.getScheme().toUpperCase(Locale.ROOT);
        String address = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        String userInfo = uri.getRawUserInfo();
        String user = userInfo == null ? "" : userInfo.split(":", 2)[0];
        boolean hasPassword = userInfo != null && userInfo.contains(":") && !userInfo.endsWith(":");
        List<String> steps = new ArrayList<>();
        steps.add("Only needed where ztpbox does not answer the phone's DHCP (dhcp.mode watch, or another DHCP server"
                + " answers first): a phone given options 160/66 by ztpbox finds it on its own.");
        steps.add("Power-cycle the phone, press Cancel at 'Loading application', then press the Setup soft key"
                + " (seeds 000, 003).");
        steps.add("Enter the admin password: 456 after a factory reset.");
        steps.add("Select 'Provisioning Server' (on some firmware 'Server Menu') and press Select (seeds 000, 003).");
        steps.add("Server Type: " + type + ".");
        steps.add("Server Address: " + address + " (keys below; * types '.', # types '/') (seeds 000, 003).");
        steps.add(user.isEmpty() ? "Server User and Server Password: leave them empty."
                : "Server User: " + user + (hasPassword ? "; Server Password: the password in provisioning.url."
                : "."));
        steps.add("Press Exit, Exit again, then choose 'Save & Reboot' (seed 000).");
        return new ResetGuide.Setup(Secrets.mask(provisioningUrl), type, address, DialPad.keystrokes(address),
                user, hasPassword, steps);
    }

    private static int majorVersion(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
