package org.ztpbox.cli;

import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ztpbox validate}: check a configuration file without starting anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the configuration file and print what it sets up.")
public final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ZtpboxConfig c = config.load();
        var out = spec.commandLine().getOut();
        out.printf("%s: OK%n", config.file == null ? "embedded defaults" : config.file);
        out.printf("  dhcp.mode   %s%n", c.dhcp().mode().configName());
        out.printf("  dhcp.subnet %s%n", c.dhcp().subnet() == null ? "-" : c.dhcp().subnet());
        out.printf("  dhcp.pool   %s%n", c.dhcp().pool().isEmpty() ? "-" : c.dhcp().pool());
        out.printf("  classes     %s%n", c.dhcp().classes().stream().map(k -> k.name()).toList());
        out.printf("  state-dir   %s%n", c.stateDir());
        return 0;
    }
}
