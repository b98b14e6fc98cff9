package org.ztpbox.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.Phone;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.diagnose.DialPad;
import org.ztpbox.diagnose.ResetGuide;
import org.ztpbox.diagnose.ResetGuides;
import org.ztpbox.diagnose.ResetProcedure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code ztpbox reset-guide MAC}: how to factory-reset this phone by hand, keystroke by keystroke. */
@Command(name = "reset-guide", mixinStandardHelpOptions = true,
        description = {"How to factory-reset a phone by hand: its key combination, when to press it, the exact"
                + " dial-pad keystrokes for its MAC address as the password, and how to point it at ztpbox"
                + " afterwards. The model comes from --model, else from what the phone reported to ztpbox."})
public final class ResetGuideCommand implements Callable<Integer> {

    private static final int PHONE_EVENTS = 500;

    private final ApplianceRuntime runtime;

    @Mixin
    ConfigOption config;

    @Mixin
    PhoneOption phone;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The phone's model, e.g. 'VVX 410', 'SoundPoint IP 550', 'Trio 8800', 'Edge E450'.")
    String model;

    @Option(names = "--json", description = "Print the guide as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    public ResetGuideCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        ZtpboxConfig c = config.load();
        List<PhoneEvent> events;
        try (LeaseStore store = runtime.openStore(c)) {
            events = store.events(phone.mac, PHONE_EVENTS);
        }
        String declared = null;
        if (model == null) {
            try (InventoryStore inventory = runtime.openInventory(c)) {
                declared = inventory.find(phone.mac).map(Phone::model).filter(m -> !m.isEmpty()).orElse(null);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the inventory: " + e.getMessage(), e);
            }
        }
        ResetGuide guide;
        try {
            guide = ResetGuides.build(phone.mac, model, declared, events, PhoneDiagnosis.provisioningUrl(c, runtime));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(json(guide)));
        } else {
            print(out, guide);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, ResetGuide g) {
        out.printf("Factory reset of %s%n", g.mac());
        out.printf("Model: %s (%s)%n", g.model() == null ? "unknown" : g.model().display(), g.modelSource());
        if (g.firmware() != null) {
            out.printf("Firmware seen: %s%n", g.firmware());
        }
        out.println();
        out.println(g.procedures().size() == 1 ? "Procedure:" : "Key combinations to try:");
        for (ResetProcedure p : g.procedures()) {
            out.printf("  %s: %s%n", how(p), String.join(", ", p.models().stream().sorted().toList()));
            for (ResetProcedure.Alternative a : p.alternatives()) {
                if (g.model() == null || a.models().contains(g.model().display())) {
                    out.printf("    %s: a source gives %s instead%n", String.join(", ", a.models()),
                            ResetProcedure.keysText(a.keys()));
                }
            }
            out.printf("    sources: %s%n", String.join("; ", p.sources()));
        }
        out.println();
        out.println("Steps:");
        numbered(out, g.steps());
        out.println();
        out.printf("Password (the MAC address): %s%n", g.password());
        out.printf("  Keys: %s%n", DialPad.compact(g.passwordKeys()));
        table(out, g.passwordKeys());
        if (g.setup() != null) {
            out.println();
            out.printf("After the reset: point the phone at ztpbox (%s)%n", g.setup().url());
            numbered(out, g.setup().steps());
            out.printf("  Server Address keys: %s%n", DialPad.compact(g.setup().addressKeys()));
            table(out, g.setup().addressKeys());
        }
        out.println();
        out.println("Notes:");
        g.notes().forEach(n -> out.printf("  - %s%n", n));
    }

    private static String how(ResetProcedure p) {
        return switch (p.kind()) {
            case KEYS_DURING_COUNTDOWN -> "hold " + ResetProcedure.keysText(p.keys()) + " during the countdown";
            case KEYS_AT_POWER_UP -> "press " + ResetProcedure.keysText(p.keys()) + " right after power-up";
            case TOUCH_CORNERS -> "touch and hold the four corners of the screen";
            case RESET_BUTTON -> "hold the reset button for 7 seconds";
        };
    }

    private static void numbered(PrintWriter out, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            out.printf("  %d. %s%n", i + 1, lines.get(i));
        }
    }

    private static void table(PrintWriter out, List<DialPad.Typed> typed) {
        out.printf("  %-6s%s%n", "Char", "Action");
        for (DialPad.Typed t : typed) {
            for (int i = 0; i < t.actions().size(); i++) {
                out.printf("  %-6s%s%n", i == 0 ? t.character() : "", t.actions().get(i).text());
            }
        }
    }

    private static Map<String, Object> json(ResetGuide g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mac", g.mac().toString());
        m.put("model", g.model() == null ? null : g.model().display());
        m.put("model_source", g.modelSource());
        m.put("firmware", g.firmware());
        m.put("procedures", g.procedures().stream().map(p -> (Object) json(p)).toList());
        m.put("steps", g.steps());
        m.put("password", g.password());
        m.put("password_keys", keys(g.passwordKeys()));
        m.put("password_keys_compact", DialPad.compact(g.passwordKeys()));
        if (g.setup() != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("url", g.setup().url());
            s.put("server_type", g.setup().serverType());
            s.put("server_address", g.setup().address());
            s.put("server_address_keys", keys(g.setup().addressKeys()));
            s.put("server_address_keys_compact", DialPad.compact(g.setup().addressKeys()));
            s.put("server_user", g.setup().user());
            s.put("server_password_needed", g.setup().hasPassword());
            s.put("steps", g.setup().steps());
            m.put("setup", s);
        } else {
            m.put("setup", null);
        }
        m.put("notes", g.notes());
        return m;
    }

    private static Map<String, Object> json(ResetProcedure p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("models", p.models().stream().sorted().toList());
        m.put("keys", p.keys());
        m.put("alternatives", p.alternatives().stream().map(a -> {
            Map<String, Object> alternative = new LinkedHashMap<>();
            alternative.put("models", a.models().stream().sorted().toList());
            alternative.put("keys", a.keys());
            alternative.put("note", a.note());
            return (Object) alternative;
        }).toList());
        m.put("notes", p.notes());
        m.put("sources", p.sources());
        return m;
    }

    private static List<Object> keys(List<DialPad.Typed> typed) {
        return typed.stream().map(t -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("character", t.character());
            c.put("actions", t.actions().stream().map(a -> {
                Map<String, Object> action = new LinkedHashMap<>();
                action.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
                if (!a.key().isEmpty()) {
                    action.put("key", a.key());
                }
                if (a.presses() > 0) {
                    action.put("presses", a.presses());
                }
                if (a.mode() != null) {
                    action.put("mode", a.mode().name().toLowerCase(java.util.Locale.ROOT));
                }
                action.put("text", a.text());
                return (Object) action;
            }).toList());
            return (Object) c;
        }).toList();
    }
}
