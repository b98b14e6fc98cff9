package org.ztpbox.cli;

import java.util.Map;
import java.util.Optional;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.ExpectedConfiguration;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.QuarantineStore;

/** What the commands need from the composition root, so that they depend on no implementation. */
public interface ApplianceRuntime {

    /** Starts every service of the appliance; closing the result stops them in order. */
    AutoCloseable start(ZtpboxConfig config) throws Exception;

    /** Opens the configured store for reading and maintenance. */
    LeaseStore openStore(ZtpboxConfig config);

    /** Opens the record of override quarantines (in the same store; works while the appliance runs). */
    QuarantineStore openQuarantines(ZtpboxConfig config);

    /** ztpbox's address on the LAN (its DHCP server identifier), when it can be told without starting. */
    default Optional<Ipv4Address> applianceAddress(ZtpboxConfig config) {
        return Optional.ofNullable(config.network().address());
    }

    /** What ztpbox means each phone to run; nothing until the configuration generator is wired. */
    default ExpectedConfiguration expectedConfiguration(ZtpboxConfig config) {
        return mac -> Map.of();
    }
}
