package org.ztpbox.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.provisioning.catalog.TemplateCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ztpbox validate}: check a configuration file without starting anything, then render every
 * file each inventory phone would get and say per phone what fails. Exit 2 for a bad configuration,
 * 1 when a phone's files cannot be rendered.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the configuration file and the templates against the inventory.")
public final class ValidateCommand implements Callable<Integer> {

    private final ApplianceRuntime runtime;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    public ValidateCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws IOException {
        ZtpboxConfig c = config.load();
        var out = spec.commandLine().getOut();
        out.printf("%s: OK%n", config.file == null ? "embedded defaults" : config.file);
        out.printf("  dhcp.mode   %s%n", c.dhcp().mode().configName());
        out.printf("  dhcp.subnet %s%n", c.dhcp().subnet() == null ? "-" : c.dhcp().subnet());
        out.printf("  dhcp.pool   %s%n", c.dhcp().pool().isEmpty() ? "-" : c.dhcp().pool());
        out.printf("  classes     %s%n", c.dhcp().classes().stream().map(k -> k.name()).toList());
        out.printf("  state-dir   %s%n", c.stateDir());
        TemplateCheck.Report report = runtime.checkTemplates(c);
        print(out, report);
        out.flush();
        return report.ok() ? 0 : 1;
    }

    private static void print(PrintWriter out, TemplateCheck.Report report) {
        out.printf("templates     %s%s%s%n", report.templates(), report.hasSharedTemplate() ? "" : " (no shared.cfg)",
                report.hasPhoneTemplate() ? "" : " (no phone.cfg: inventory phones get no file of their own)");
        line(out, "unassigned", report.unassigned());
        long failing = report.phones().stream().filter(p -> !p.ok()).count();
        out.printf("phones        %d in the inventory, %d with problems%n", report.phones().size(), failing);
        for (TemplateCheck.PhoneReport phone : report.phones()) {
            line(out, phone.mac().toString(), phone);
        }
    }

    private static void line(PrintWriter out, String who, TemplateCheck.PhoneReport phone) {
        out.printf("  %-17s  %-6s  %s%n", who, phone.ok() ? "ok" : "FAILED", String.join(", ", phone.files()));
        for (TemplateCheck.FileProblem problem : phone.problems()) {
            out.printf("      %s not generated: %s%n", problem.file(), problem.error().getMessage());
        }
    }
}
