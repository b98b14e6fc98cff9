package org.ztpbox.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ztpbox} command and its subcommands. Exit codes: 0 ok, 1 failure, 2 usage or config error. */
@Command(name = "ztpbox", mixinStandardHelpOptions = true, versionProvider = ZtpboxCommand.Version.class,
        description = "Zero-touch provisioning appliance for Poly / Polycom IP phones.",
        subcommands = {RunCommand.class, LeasesCommand.class, ValidateCommand.class, AdminPasswordCommand.class,
            KeysCommand.class, CryptCommands.Encrypt.class, CryptCommands.Decrypt.class, ImportCommand.class,
            ExportCommand.class, PhonesCommand.class, FirmwareCommand.class, DoctorCommand.class,
            TimelineCommand.class, ResetGuideCommand.class, PrepareResetCommand.class, RestoreOverridesCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure", "2:usage or configuration error",
            "3:doctor: a DHCP server points phones at another provisioning server"})
public final class ZtpboxCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'ztpbox run'");
    }

    /** Reads the version from the jar manifest. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ZtpboxCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ztpbox " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version")};
        }
    }
}
