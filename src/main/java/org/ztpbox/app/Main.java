package org.ztpbox.app;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.ztpbox.cli.ApplianceRuntime;
import org.ztpbox.cli.CryptCommands;
import org.ztpbox.cli.DoctorCommand;
import org.ztpbox.cli.ExportCommand;
import org.ztpbox.cli.FirmwareCommand;
import org.ztpbox.cli.ImportCommand;
import org.ztpbox.cli.KeysCommand;
import org.ztpbox.cli.LeasesCommand;
import org.ztpbox.cli.PhonesCommand;
import org.ztpbox.cli.PrepareResetCommand;
import org.ztpbox.cli.ResetGuideCommand;
import org.ztpbox.cli.RestoreOverridesCommand;
import org.ztpbox.cli.RunCommand;
import org.ztpbox.cli.TimelineCommand;
import org.ztpbox.cli.ValidateCommand;
import org.ztpbox.cli.ZtpboxCommand;
import org.ztpbox.config.ConfigException;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.core.EncryptionKeys;
import org.ztpbox.core.ExpectedConfiguration;
import org.ztpbox.core.FirmwareShelf;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.KeyDelivery;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneRecordStore;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.core.StoreException;
import org.ztpbox.diagnose.OwnServer;
import org.ztpbox.provisioning.BootDirectivesService;
import org.ztpbox.provisioning.catalog.TemplateCheck;
import org.ztpbox.store.InMemoryInventoryStore;
import org.ztpbox.store.SqliteInventoryStore;
import org.ztpbox.store.SqliteLeaseStore;
import org.ztpbox.store.SqlitePhoneRecordStore;
import org.ztpbox.store.SqliteQuarantineStore;
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
                if (type == ResetGuideCommand.class) {
                    return type.cast(new ResetGuideCommand(runtime));
                }
                if (type == TimelineCommand.class) {
                    return type.cast(new TimelineCommand(runtime));
                }
                if (type == PrepareResetCommand.class) {
                    return type.cast(new PrepareResetCommand(runtime));
                }
                if (type == RestoreOverridesCommand.class) {
                    return type.cast(new RestoreOverridesCommand(runtime));
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
        String address = addressOrAny(config);
        return ProvisioningAssembly.check(config, address, provisioningUrl(config, address), importedPhones(config));
    }

    @Override
    public QuarantineStore openQuarantines(ZtpboxConfig config) {
        return SqliteQuarantineStore.open(config.databaseFile());
    }

    @Override
    public Optional<Ipv4Address> applianceAddress(ZtpboxConfig config) {
        try {
            return Optional.of(NetworkResolver.resolve(config.network()).address());
        } catch (ConfigException e) {
            // No usable interface here (a copy of the state directory on another machine): say nothing.
            return Optional.ofNullable(config.network().address());
        }
    }

    @Override
    public ExpectedConfiguration expectedConfiguration(ZtpboxConfig config) {
        String address = addressOrAny(config);
        try {
            return ProvisioningAssembly.expected(config, address, provisioningUrl(config, address),
                    importedPhones(config));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the templates: " + e.getMessage(), e);
        }
    }

    /** The commands work on any machine, not only on the appliance: without its address, 0.0.0.0. */
    private String addressOrAny(ZtpboxConfig config) {
        return applianceAddress(config).map(Ipv4Address::toString).orElse("0.0.0.0");
    }

    private static String provisioningUrl(ZtpboxConfig config, String address) {
        return config.provisioning().url() != null ? config.provisioning().url().toString()
                : BootDirectivesService.defaultUrl(Ipv4Address.parse(address), config.http().port());
    }

    /** The imported phones, copied out of the store (closed again at once), for rendering as the appliance would. */
    private static ProvisioningPorts importedPhones(ZtpboxConfig config) {
        if (!Files.exists(config.databaseFile())) {
            return ProvisioningPorts.none(); // nothing imported
        }
        InMemoryInventoryStore copy = new InMemoryInventoryStore();
        try (InventoryStore inventory = SqliteInventoryStore.open(config.databaseFile())) {
            copy.replace(inventory.phones(), "ztpbox.db");
        }
        return new ProvisioningPorts(copy, FirmwareShelf.none(), KeyDelivery.none());
    }

    @Override
    public EncryptionKeys keys(ZtpboxConfig config) {
        return EncryptionAssembly.keyRing(config, Clock.systemUTC());
    }

    @Override
    public boolean forgetKey(ZtpboxConfig config, MacAddress phone) {
        try (SqliteLeaseStore store = SqliteLeaseStore.open(config.databaseFile())) {
            return store.keyDeliveries().forget(phone);
        }
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
