package org.ztpbox.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.core.Phone;
import org.ztpbox.provisioning.inventory.InventoryExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ztpbox export [FILE]}: the inventory as CSV that {@code ztpbox import} reads back unchanged. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the phone inventory as CSV (the columns import reads, then every extra column)."
                + " Passwords are left empty unless --include-secrets; importing the file back keeps them.")
public final class ExportCommand implements Callable<Integer> {

    private final ApplianceRuntime runtime;

    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
            description = "Where to write; '-' (the default) is standard output.")
    String file;

    @Option(names = "--include-secrets", description = "Write the SIP passwords (and extra columns named like a"
            + " password or secret); the file is then readable by its owner only.")
    boolean includeSecrets;

    @Spec
    CommandSpec spec;

    public ExportCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws IOException {
        List<Phone> phones;
        try (InventoryStore inventory = runtime.openInventory(config.load())) {
            phones = inventory.phones();
        }
        String csv = InventoryExport.csv(phones, includeSecrets);
        if (file.equals("-")) {
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
            return 0;
        }
        write(Path.of(file).toAbsolutePath(), csv);
        spec.commandLine().getErr().printf("exported %d phone%s to %s%s%n", phones.size(),
                phones.size() == 1 ? "" : "s", file,
                includeSecrets ? " (with passwords, owner-only)" : " (passwords left empty)");
        return 0;
    }

    /** Temp file beside the target, then a rename: a reader never sees half a file. */
    private void write(Path target, String csv) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (includeSecrets) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } else {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.writeString(temp, csv, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
