package org.ztpbox.app;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import org.ztpbox.cli.ApplianceRuntime;
import org.ztpbox.cli.CryptCommands;
import org.ztpbox.cli.DoctorCommand;
import org.ztpbox.cli.ExportCommand;
import org.ztpbox.cli.FirmwareCommand;
import org.ztpbox.cli.ImportCommand;
import org.ztpbox.cli.KeysCommand;
import org.ztpbox.cli.LeasesCommand;
import org.ztpbox.cli.PhonesCommand;
import org.ztpbox.cli.RunCommand;
import org.ztpbox.cli.ValidateCommand;
import org.ztpbox.cli.ZtpboxCommand;
import org.ztpbox.config.ConfigException;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.core.EncryptionKeys;
import org.ztpbox.core.FirmwareShelf;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.KeyDelivery;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.PhoneRecordStore;
import org.ztpbox.core.StoreException;
import org.ztpbox.diagnose.OwnServer;
import org.ztpbox.provisioning.BootDirectivesService;
import org.ztpbox.provisioning.catalog.TemplateCheck;
import org.ztpbox.store.SqliteInventoryStore;
import org.ztpbox.store.SqliteLeaseStore;
import org.ztpbox.store.SqlitePhoneRecordStore;
import picocli.CommandLine;

/** The program's entry point: wires the commands to the real implementations. */
public final class Main implements ApplianceRuntime {

    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        Main runtime = new Main();
        CommandLine cli = new CommandLine(new ZtpboxCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) {
                    return type.cast(new RunCommand(runtime));
                }
                if (type == LeasesCommand.class) {
                    return type.cast(new LeasesCommand(runtime));
                }
                if (type == DoctorCommand.class) {
                    return type.cast(new DoctorCommand(runtime));
                }
                if (type == ValidateCommand.class) {
                    return type.cast(new ValidateCommand(runtime));
                }
                if (type == KeysCommand.class) {
                    return type.cast(new KeysCommand(runtime));
                }
                if (type == CryptCommands.Encrypt.class) {
                    return type.cast(new CryptCommands.Encrypt(runtime));
                }
                if (type == CryptCommands.Decrypt.class) {
                    return type.cast(new CryptCommands.Decrypt(runtime));
                }
                if (type == ImportCommand.class) {
                    return type.cast(new ImportCommand(runtime));
                }
                if (type == ExportCommand.class) {
                    return type.cast(new ExportCommand(runtime));
                }
                if (type == PhonesCommand.class) {
                    return type.cast(new PhonesCommand(runtime));
                }
                if (type == FirmwareCommand.class) {
                    return type.cast(new FirmwareCommand(runtime));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("ztpbox: configuration error in " + e.getMessage());
                return EXIT_USAGE;
            }
            if (e instanceof StoreException || e instanceof IllegalStateException) {
                commandLine.getErr().println("ztpbox: " + e.getMessage());
                return EXIT_FAILURE;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public AutoCloseable start(ZtpboxConfig config) throws Exception {
        return Appliance.start(config, Clock.systemUTC());
    }

    @Override
    public LeaseStore openStore(ZtpboxConfig config) {
        return SqliteLeaseStore.open(config.databaseFile());
    }

    @Override
    public TemplateCheck.Report checkTemplates(ZtpboxConfig config) throws IOException {
        String address;
        try {
            address = NetworkResolver.resolve(config.network()).address().toString();
        } catch (ConfigException e) {
            address = "0.0.0.0"; // validate checks the templates on any machine, not only on the appliance
        }
        String url = config.provisioning().url() != null ? config.provisioning().url().toString()
                : BootDirectivesService.defaultUrl(Ipv4Address.parse(address), config.http().port());
        if (!Files.exists(config.databaseFile())) {
            return ProvisioningAssembly.check(config, address, url, ProvisioningPorts.none()); // nothing imported
        }
        try (InventoryStore inventory = SqliteInventoryStore.open(config.databaseFile())) {
            return ProvisioningAssembly.check(config, address, url, new ProvisioningPorts(inventory,
                    FirmwareShelf.none(), KeyDelivery.none()));
        }
    }

    @Override
    public EncryptionKeys keys(ZtpboxConfig config) {
        return EncryptionAssembly.keyRing(config, Clock.systemUTC());
    }

    @Override
    public InventoryStore openInventory(ZtpboxConfig config) {
        return SqliteInventoryStore.open(config.databaseFile());
    }

    @Override
    public PhoneRecordStore openPhoneRecords(ZtpboxConfig config) {
        return SqlitePhoneRecordStore.open(config.databaseFile());
    }

    @Override
    public OwnServer ownServer(ZtpboxConfig config, String interfaceName) {
        return DoctorWiring.ownServer(config, interfaceName);
    }

    @Override
    public DhcpProbeReport probeDhcp(ZtpboxConfig config, OwnServer own, Duration wait) {
        return DoctorWiring.probe(config, own, wait);
    }
}
