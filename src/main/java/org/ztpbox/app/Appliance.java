package org.ztpbox.app;

import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.config.ClientClassConfig;
import org.ztpbox.config.ConfigException;
import org.ztpbox.config.Durations;
import org.ztpbox.config.Reservation;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.ExpectedConfiguration;
import org.ztpbox.core.FileCatalog;
import org.ztpbox.core.FirmwareShelf;
import org.ztpbox.core.Inventory;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Ipv4Range;
import org.ztpbox.core.MacAddress;
import org.ztpbox.dhcp.engine.DhcpEngine;
import org.ztpbox.dhcp.pool.LeaseTable;
import org.ztpbox.dhcp.server.DhcpServer;
import org.ztpbox.diagnose.OwnServer;
import org.ztpbox.http.server.HttpServer;
import org.ztpbox.provisioning.AdminPasswordFile;
import org.ztpbox.provisioning.BootDirectivesService;
import org.ztpbox.provisioning.ClientAddressBook;
import org.ztpbox.provisioning.NeighbourTable;
import org.ztpbox.provisioning.UploadDirectory;
import org.ztpbox.provisioning.firmware.FirmwareDirectory;
import org.ztpbox.provisioning.records.PhoneRecorder;
import org.ztpbox.store.GroupCommitJournal;
import org.ztpbox.store.SqliteInventoryStore;
import org.ztpbox.store.SqliteLeaseStore;
import org.ztpbox.store.SqlitePhoneRecordStore;
import org.ztpbox.store.SqliteQuarantineStore;
import org.ztpbox.tftp.server.TftpServer;

/**
 * The running appliance: starts the store, then the journal, then the listeners; stops them in
 * the reverse order, so that every acknowledged lease is written before the process exits.
 */
final class Appliance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);
    private static final int MAX_PENDING_EVENTS = 200_000;

    private final Deque<AutoCloseable> stopOrder = new ArrayDeque<>();
    private Inventory inventory;
    private FirmwareShelf firmware;

    static Appliance start(ZtpboxConfig config, Clock clock) throws Exception {
        return start(config, clock, null);
    }

    /**
     * Starts with the given inventory and firmware shelf behind the generated configuration; null
     * means the inventory imported into the store and the firmware directory, kept current.
     */
    static Appliance start(ZtpboxConfig config, Clock clock, ProvisioningPorts ports) throws Exception {
        Appliance appliance = new Appliance();
        try {
            appliance.startAll(config, clock, ports);
            return appliance;
        } catch (Exception | Error e) {
            appliance.close();
            throw e;
        }
    }

    private void startAll(ZtpboxConfig config, Clock clock, ProvisioningPorts ports) throws Exception {
        // Netty's leak detector records a stack trace for one buffer in 128: with a packet per TFTP
        // block that is a few per cent of the server's CPU. -Dio.netty.leakDetection.level still wins.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        NetworkResolver.Resolved network = NetworkResolver.resolve(config.network());
        prepareStateDir(config);
        SqliteLeaseStore store = SqliteLeaseStore.open(config.databaseFile());
        stopOrder.push(store);
        GroupCommitJournal journal = new GroupCommitJournal(store, MAX_PENDING_EVENTS);
        stopOrder.push(journal);
        SqliteQuarantineStore quarantines = SqliteQuarantineStore.open(config.databaseFile());
        stopOrder.push(quarantines);
        UploadDirectory uploads = new UploadDirectory(config.uploadsDir());
        ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "maintenance");
            t.setDaemon(true);
            return t;
        });
        // Every event passes the address book, the findings log, then the phones' records, on its way
        // to the journal: the address book puts a TFTP request, which names no client, on the timeline
        // of the phone that leased the address; the findings log notes phones to check; the recorder
        // keeps what each phone reported.
        PhoneRecorder recorder = startProvisioningState(config, clock, journal, maintenance, ports);
        PeriodicProbe probe = config.doctor().probesPeriodically() ? periodicProbe(config, journal, clock) : null;
        // The probe listens for its whole window: on a thread of its own it holds up no refresh.
        ScheduledExecutorService probing = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dhcp-probe");
            t.setDaemon(true);
            return t;
        });
        stopOrder.push(() -> { // before the stores they refresh close
            maintenance.shutdownNow();
            probing.shutdownNow();
            maintenance.awaitTermination(5, TimeUnit.SECONDS);
            probing.awaitTermination(5, TimeUnit.SECONDS);
        });
        // The generated catalog, built below, is what each phone is expected to run; the findings need
        // it before, as they sit on the way of the events the catalog reports.
        AtomicReference<ExpectedConfiguration> expected = new AtomicReference<>(mac -> Map.of());
        ReversionAssembly reversion = new ReversionAssembly(config, store, quarantines, recorder, uploads,
                mac -> expected.get().parametersFor(mac), network.address(), clock);
        ClientAddressBook addressBook = new ClientAddressBook(reversion.events(), NeighbourTable.system());
        EventSink events = addressBook;

        LeaseTable table = leaseTable(config);
        var leases = store.loadLeases();
        table.load(leases, clock.instant());
        BootDirectivesService boot = new BootDirectivesService(config.provisioning().url(), network.address(),
                config.http().port());
        DhcpEngine engine = new DhcpEngine(config.dhcp(), network.address(), boot.directives(), table);
        DhcpServer dhcp = new DhcpServer(engine, journal, events, network.interfaceName(), config.dhcp().port(),
                config.dhcp().rateLimit(), clock);
        dhcp.start();
        stopOrder.push(dhcp);

        // One catalog and one upload area, shared by every file transport.
        // Encryption: the master configuration names each phone's key file; the served catalog is wrapped so
        // credentials go out encrypted with the key the phone holds; completed key fetches are watched for.
        EncryptionAssembly.Wired encryption = EncryptionAssembly.wire(config, store.keyDeliveries(), clock);
        stopOrder.push(encryption);
        ProvisioningPorts withKeys = new ProvisioningPorts(inventory, firmware, encryption.keyDelivery());
        ProvisioningAssembly.Catalogs catalogs = ProvisioningAssembly.catalogs(config, network.address().toString(),
                boot.directives().provisioningUrl(), withKeys, uploads, events, clock);
        expected.set(catalogs.generated());
        // Quarantined overrides are served empty, whichever layer would have served them.
        FileCatalog catalog = encryption.wrap(reversion.wrap(catalogs.catalog()));
        EventSink fileEvents = encryption.observe(events);
        if (config.tftp().enabled()) {
            TftpServer tftp = new TftpServer(config.tftp(), null, catalog, uploads, fileEvents, addressBook, clock,
                    Runtime.getRuntime().availableProcessors());
            tftp.start();
            stopOrder.push(tftp);
        }
        if (config.http().enabled()) {
            HttpServer http = HttpAssembly.create(config, network.address(), boot.directives().provisioningUrl(),
                    catalog, uploads, fileEvents, clock);
            http.start();
            stopOrder.push(http);
        }

        maintenance.scheduleAtFixedRate(() -> pruneEvents(store, config, clock), 1, 60, TimeUnit.MINUTES);
        if (probe != null) {
            long interval = config.doctor().probeInterval().toMillis();
            // The first run soon after start (within 30 s), then every doctor.probe-interval.
            // A scheduled task that throws is never run again: whatever one run does, the next one comes.
            probing.scheduleWithFixedDelay(() -> {
                try {
                    probe.run();
                } catch (RuntimeException e) {
                    LOG.warn("DHCP probe run failed (the next run retries): {}", e.toString(), e);
                }
            }, Math.min(interval, 30_000), interval, TimeUnit.MILLISECONDS);
            LOG.info("DHCP probe of the LAN every {} ({} per run)", Durations.format(config.doctor().probeInterval()),
                    Durations.format(config.doctor().probeWait()));
        }
        // A phone back from a factory reset lost its key; a key forgotten by a command is seen within seconds.
        reversion.schedule(maintenance, encryption::phoneReset);
        encryption.schedule(maintenance);

        LOG.info("ztpbox running: dhcp.mode={} on {} ({}), {} leases loaded, provisioning URL {}, state in {}",
                config.dhcp().mode().configName(), network.interfaceName(), network.address(), leases.size(),
                boot.directives().provisioningUrl(), config.stateDir());
        LOG.info("Phone configuration rendered from templates in {}; phone admin password {} ('ztpbox admin-password'"
                + " shows it)", catalogs.templates(), config.provisioning().rendering().adminPassword() != null
                ? "from provisioning.admin-password" : "in " + config.stateDir().resolve(AdminPasswordFile.NAME));
    }

    /** The periodic DHCP probe, with its own store connection, closed after the executor that runs it stops. */
    private PeriodicProbe periodicProbe(ZtpboxConfig config, GroupCommitJournal journal, Clock clock) {
        OwnServer own = DoctorWiring.ownServer(config, null);
        // Its own connection: WAL readers never wait for the journal's writes, nor the journal for them.
        SqliteLeaseStore reader = SqliteLeaseStore.open(config.databaseFile());
        stopOrder.push(reader);
        return new PeriodicProbe(own, DoctorWiring.prober(config, own), config.doctor().probeWait(), reader, journal,
                clock);
    }

    /**
     * The inventory, the phones' records and the firmware shelf, each kept current by the
     * maintenance thread: an import by {@code ztpbox import} in another process is seen within a
     * second, a firmware file dropped in within a few, and observations reach the store every second.
     *
     * @param given an inventory and firmware shelf to use instead of the stored ones, or null
     */
    private PhoneRecorder startProvisioningState(ZtpboxConfig config, Clock clock, GroupCommitJournal journal,
                                                 ScheduledExecutorService maintenance, ProvisioningPorts given) {
        if (given == null) {
            SqliteInventoryStore stored = SqliteInventoryStore.open(config.databaseFile());
            stopOrder.push(stored);
            LOG.info("Inventory: {} phones (generation {})", stored.phones().size(), stored.generation());
            maintenance.scheduleWithFixedDelay(() -> keepCurrent("inventory", () -> {
                if (stored.refresh()) {
                    LOG.info("Inventory changed: {} phones (generation {})", stored.phones().size(),
                            stored.generation());
                }
            }), 1, 1, TimeUnit.SECONDS);
            FirmwareDirectory directory = new FirmwareDirectory(firmwareDirectory(config), clock,
                    FirmwareDirectory.DEFAULT_SETTLE);
            directory.rescan();
            logFirmware(directory);
            maintenance.scheduleWithFixedDelay(() -> keepCurrent("firmware", () -> {
                if (directory.rescan()) {
                    logFirmware(directory);
                }
            }), 2, 2, TimeUnit.SECONDS);
            inventory = stored;
            firmware = directory;
        } else {
            inventory = given.inventory();
            firmware = given.firmware();
        }
        SqlitePhoneRecordStore records = SqlitePhoneRecordStore.open(config.databaseFile());
        stopOrder.push(records);
        PhoneRecorder phones = new PhoneRecorder(journal, inventory, records);
        stopOrder.push(phones::flush); // stopped after the listeners: their last events are kept
        maintenance.scheduleWithFixedDelay(() -> keepCurrent("phone records", phones::flush), 1, 1, TimeUnit.SECONDS);
        return phones;
    }

    /** Created at start, so that the admin finds where to drop images. */
    private static java.nio.file.Path firmwareDirectory(ZtpboxConfig config) {
        try {
            return Files.createDirectories(config.firmwareDirectory());
        } catch (IOException e) {
            throw new ConfigException("provisioning.firmware-dir", List.of(new ConfigException.ConfigProblem(
                    "provisioning.firmware-dir", 0, "cannot create " + config.firmwareDirectory() + ": " + e)));
        }
    }

    private static void logFirmware(FirmwareDirectory firmware) {
        LOG.info("Firmware in {}: {} images {}", firmware.directory(), firmware.images().size(),
                firmware.images().stream().map(i -> i.fileName() + (i.version() == null ? "" : " " + i.version()))
                        .toList());
    }

    /** A failed refresh is logged and retried at the next tick; it must not end the schedule. */
    private static void keepCurrent(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("Refreshing the {} failed, will retry: {}", what, e.getMessage());
        }
    }

    private static void prepareStateDir(ZtpboxConfig config) {
        try {
            Files.createDirectories(config.stateDir());
        } catch (IOException e) {
            throw new ConfigException("state-dir", List.of(new ConfigException.ConfigProblem("state-dir", 0,
                    "cannot create " + config.stateDir() + ": " + e)));
        }
        if (!Files.isWritable(config.stateDir())) {
            throw new ConfigException("state-dir", List.of(new ConfigException.ConfigProblem("state-dir", 0,
                    config.stateDir() + " is not writable by this user")));
        }
        // sqlite-jdbc unpacks its native library into the temp dir, which a hardened unit makes private or read-only.
        if (System.getProperty("org.sqlite.tmpdir") == null) {
            System.setProperty("org.sqlite.tmpdir", config.stateDir().toString());
        }
    }

    private static LeaseTable leaseTable(ZtpboxConfig config) {
        Map<String, List<Ipv4Range>> pools = new HashMap<>();
        pools.put(LeaseTable.DEFAULT_POOL, config.dhcp().pool());
        for (ClientClassConfig c : config.dhcp().classes()) {
            if (!c.pool().isEmpty()) {
                pools.put(c.name(), c.pool());
            }
        }
        Map<MacAddress, Ipv4Address> reservations = new HashMap<>();
        for (Reservation r : config.dhcp().reservations()) {
            reservations.put(r.mac(), r.address());
        }
        return new LeaseTable(pools, reservations);
    }

    private static void pruneEvents(SqliteLeaseStore store, ZtpboxConfig config, Clock clock) {
        try {
            Instant cutoff = clock.instant().minus(config.store().eventRetention());
            int removed = store.pruneEvents(cutoff);
            if (removed > 0) {
                LOG.info("Pruned {} events older than {}", removed, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.warn("Event pruning failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        while (!stopOrder.isEmpty()) {
            AutoCloseable next = stopOrder.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}: {}", next, e.toString());
            }
        }
    }
}
