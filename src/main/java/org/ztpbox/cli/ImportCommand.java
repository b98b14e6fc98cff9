package org.ztpbox.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.core.Phone;
import org.ztpbox.provisioning.inventory.ImportProblem;
import org.ztpbox.provisioning.inventory.InventoryImport;
import org.ztpbox.provisioning.inventory.InventoryParser;
import org.ztpbox.provisioning.inventory.ParsedInventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ztpbox import FILE}: the file replaces the inventory, in one transaction, or, on any
 * error, nothing changes. A running appliance picks the new inventory up within seconds.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Replace the phone inventory by a CSV file (one row per phone, a header row naming the"
                + " columns). Phones missing from the file are removed. An empty password cell keeps the password"
                + " stored for that MAC. Any error (reported with line and column) imports nothing.",
            "Columns: mac (required), model, extension, display_name, sip_user, sip_password, auth_domain,"
                + " registrar, site, in any order and common spellings (MAC Address, Device Model, User, Line1"
                + " Password, ...); every other column becomes a template variable named after its header"
                + " (Activation Code -> activation_code)."})
public final class ImportCommand implements Callable<Integer> {

    /** Far beyond any office's inventory; bounds the memory a wrong file can take. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Beyond this the list of changes is cut short: a first import of hundreds of phones says little per line. */
    static final int MAX_CHANGES_LISTED = 200;

    private final ApplianceRuntime runtime;

    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "FILE", description = "The CSV file (comma, semicolon or tab separated; '-' reads"
            + " standard input).")
    String file;

    @Option(names = "--dry-run", description = "Check the file and print what would change; change nothing.")
    boolean dryRun;

    @Option(names = "--clear-empty-secrets", description = "Empty password cells clear the stored password"
            + " instead of keeping it.")
    boolean clearEmptySecrets;

    @Spec
    CommandSpec spec;

    public ImportCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        ZtpboxConfig c = config.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] bytes;
        try {
            bytes = read();
        } catch (IOException e) {
            err.println("ztpbox: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        ParsedInventory parsed = new InventoryParser().parse(bytes);
        for (ImportProblem problem : parsed.problems()) {
            err.println(file + ": " + (problem.isError() ? "" : "warning: ") + problem);
        }
        if (parsed.hasErrors()) {
            err.printf("%s: %d error%s, nothing imported%n", file, parsed.errors().size(),
                    parsed.errors().size() == 1 ? "" : "s");
            return 2;
        }
        try (InventoryStore inventory = runtime.openInventory(c)) {
            InventoryImport.Plan plan = InventoryImport.plan(inventory.phones(), parsed.phones(), clearEmptySecrets);
            printPlan(out, parsed, plan);
            out.flush(); // the admin sees what is about to change even if the write takes a while
            if (dryRun) {
                out.println("dry run: nothing changed");
                return 0;
            }
            long generation = inventory.replace(plan.phones(), Path.of(file).getFileName().toString());
            out.printf("imported %d phone%s (inventory generation %d)%n", plan.phones().size(),
                    plan.phones().size() == 1 ? "" : "s", generation);
        }
        out.flush();
        return 0;
    }

    private byte[] read() throws IOException {
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException("larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB; is it the right file?");
            }
            return bytes;
        }
    }

    /** The changes first and the summary last, where the eye lands, even after a long list. */
    private void printPlan(PrintWriter out, ParsedInventory parsed, InventoryImport.Plan plan) {
        List<InventoryImport.Change> changes = plan.changes();
        for (InventoryImport.Change change : changes.subList(0, Math.min(changes.size(), MAX_CHANGES_LISTED))) {
            switch (change.kind()) {
                case ADDED -> out.printf("  + %s%n", change.mac());
                case CHANGED -> out.printf("  ~ %s  %s%n", change.mac(), String.join(", ", change.fields()));
                case REMOVED -> out.printf("  - %s%n", change.mac());
                default -> throw new IllegalStateException(change.kind().name());
            }
        }
        if (changes.size() > MAX_CHANGES_LISTED) {
            out.printf("  ... and %d more%n", changes.size() - MAX_CHANGES_LISTED);
        }
        if (plan.secretsKept() > 0) {
            out.printf("stored passwords kept for %d phone%s whose password cells are empty%n", plan.secretsKept(),
                    plan.secretsKept() == 1 ? "" : "s");
        }
        List<Phone> phones = plan.phones();
        long unchanged = phones.size() - plan.count(InventoryImport.Change.Kind.ADDED)
                - plan.count(InventoryImport.Change.Kind.CHANGED);
        out.printf("%s (%s): %d phone%s: %d added, %d changed, %d removed, %d unchanged%n", file, parsed.format(),
                phones.size(), phones.size() == 1 ? "" : "s", plan.count(InventoryImport.Change.Kind.ADDED),
                plan.count(InventoryImport.Change.Kind.CHANGED), plan.count(InventoryImport.Change.Kind.REMOVED),
                unchanged);
    }
}
