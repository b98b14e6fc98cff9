package org.ztpbox.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.EncryptionKeys;
import org.ztpbox.core.EncryptionKeys.KeyInfo;
import org.ztpbox.core.KeyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ztpbox keys}: the configuration-file encryption keys in {@code <state-dir>/keys}. Works
 * beside the running appliance, which picks a rotation up within seconds.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Configuration-file encryption keys: list, create the first, rotate; forget a phone's key.")
public final class KeysCommand implements Runnable {

    private final ApplianceRuntime runtime;

    @Spec
    CommandSpec spec;

    public KeysCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: list, create, rotate or forget");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the keys with their state; key material only with --show.")
    int list(@Mixin ConfigOption config,
             @Option(names = "--json", description = "Print a JSON array instead of a table.") boolean json,
             @Option(names = "--show", description = "Also print each secret key string.") boolean show) {
        return run(config, keys -> {
            List<KeyInfo> all = keys.list();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonListing.array(all.stream().map(k -> row(keys, k, show)).toList()));
            } else {
                out.printf("%-24s  %-8s  %-20s%s%n", "NAME", "STATE", "CREATED", show ? "  KEY" : "");
                for (KeyInfo k : all) {
                    Map<String, String> r = row(keys, k, show);
                    out.printf("%-24s  %-8s  %-20s%s%n", r.get("name"), r.get("state"), r.get("created"),
                            show ? "  " + r.get("key") : "");
                }
                out.printf("%d key%s%n", all.size(), all.size() == 1 ? "" : "s");
            }
            out.flush();
        });
    }

    private static Map<String, String> row(EncryptionKeys keys, KeyInfo k, boolean show) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("name", k.name());
        r.put("state", k.state().label());
        r.put("created", k.created().toString());
        if (show) {
            r.put("key", keys.keyString(k.name()));
        }
        return r;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the first key (current). Refused when a key exists: use rotate.")
    int create(@Mixin ConfigOption config,
               @Option(names = "--name", paramLabel = "NAME",
                       description = "The key's name (KeyDesc). Default: ztpbox-<yyyymmdd>.") String name) {
        return run(config, keys -> {
            KeyInfo created = keys.create(name);
            report("Created key '" + created.name() + "' (current).", config.load());
        });
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Make a new current key; the old current becomes previous, the previous retired."
                    + " Each phone receives the new key encrypted with the key it holds.")
    int rotate(@Mixin ConfigOption config,
               @Option(names = "--name", paramLabel = "NAME",
                       description = "The new key's name (KeyDesc). Default: ztpbox-<yyyymmdd>.") String name) {
        return run(config, keys -> {
            String old = keys.current().map(KeyInfo::name).orElse(null);
            KeyInfo created = keys.rotate(name);
            report("Rotated: '" + created.name() + "' is current, '" + old + "' previous. Phones receive the new"
                    + " key at their next provisioning, encrypted with the key they hold.", config.load());
        });
    }

    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = {"Forget which key a phone holds, after a factory reset erased it: the appliance"
                    + " then gives the phone its key again, as a first key (over HTTPS, to an identified phone),"
                    + " instead of encrypting its files with a key it lost.",
                    "'ztpbox prepare-reset' does this too."})
    int forget(@Mixin ConfigOption config, @Mixin PhoneOption phone) {
        ZtpboxConfig c = config.load();
        PrintWriter out = spec.commandLine().getOut();
        out.println(runtime.forgetKey(c, phone.mac)
                ? "Forgot the encryption key of " + phone.mac + ": it receives the current key at its next"
                        + " provisioning over HTTPS."
                : phone.mac + " holds no encryption key as far as ztpbox knows: nothing to forget.");
        out.flush();
        return 0;
    }

    private void report(String line, ZtpboxConfig config) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(line);
        if (!config.provisioning().encryption().enabled()) {
            out.println("Note: provisioning.encryption is off, so the appliance serves no encrypted file yet.");
        }
        out.flush();
    }

    private int run(ConfigOption config, java.util.function.Consumer<EncryptionKeys> action) {
        ZtpboxConfig c = config.load();
        try {
            action.accept(runtime.keys(c));
            return 0;
        } catch (KeyException e) {
            spec.commandLine().getErr().println("ztpbox: " + e.getMessage());
            return 1;
        }
    }
}
