package org.ztpbox.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.core.EncryptionKeys;
import org.ztpbox.core.ExpectedConfiguration;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneRecordStore;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.diagnose.OwnServer;
import org.ztpbox.provisioning.catalog.TemplateCheck;

/** What the commands need from the composition root, so that they depend on no implementation. */
public interface ApplianceRuntime {

    /** Starts every service of the appliance; closing the result stops them in order. */
    AutoCloseable start(ZtpboxConfig config) throws Exception;

    /** Opens the configured store for reading and maintenance. */
    LeaseStore openStore(ZtpboxConfig config);

    /** Renders every file each inventory phone would get, serving and writing nothing. */
    TemplateCheck.Report checkTemplates(ZtpboxConfig config) throws IOException;

    /** The configuration-file encryption keys under the configured state directory. */
    EncryptionKeys keys(ZtpboxConfig config);

    /**
     * Forgets which encryption key the phone holds, in the configured store (a running appliance
     * sees it within seconds): its next key then travels as a first key. True when it held one.
     */
    boolean forgetKey(ZtpboxConfig config, MacAddress phone);

    /** Opens the inventory in the configured store; an import through it reaches a running appliance. */
    InventoryStore openInventory(ZtpboxConfig config);

    /** Opens the phone records in the configured store (a running appliance writes them every second). */
    PhoneRecordStore openPhoneRecords(ZtpboxConfig config);

    /**
     * ztpbox as the LAN sees it: interface, address, provisioning URL. {@code interfaceName}
     * overrides {@code network.interface} when not null.
     */
    OwnServer ownServer(ZtpboxConfig config, String interfaceName);

    /** Runs the phone-emulating DHCP probe on {@code own}'s interface, collecting answers for {@code wait}. */
    DhcpProbeReport probeDhcp(ZtpboxConfig config, OwnServer own, Duration wait);

    /** Opens the record of override quarantines (in the same store; works while the appliance runs). */
    QuarantineStore openQuarantines(ZtpboxConfig config);

    /** ztpbox's address on the LAN (its DHCP server identifier), when it can be told without starting. */
    default Optional<Ipv4Address> applianceAddress(ZtpboxConfig config) {
        return Optional.ofNullable(config.network().address());
    }

    /** What ztpbox means each phone to run; nothing unless the composition root knows. */
    default ExpectedConfiguration expectedConfiguration(ZtpboxConfig config) {
        return mac -> Map.of();
    }
}
