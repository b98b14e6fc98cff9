package org.ztpbox.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.ztpbox.config.NetworkConfig;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.dhcp.probe.DhcpProber;
import org.ztpbox.diagnose.OwnServer;
import org.ztpbox.provisioning.BootDirectivesService;
import org.ztpbox.provisioning.NeighbourTable;

/** Builds what diagnosis needs from the configuration and the machine: ztpbox's identity and the probe. */
final class DoctorWiring {

    private DoctorWiring() {
    }

    /** @param interfaceName overrides {@code network.interface} when not null */
    static OwnServer ownServer(ZtpboxConfig config, String interfaceName) {
        NetworkConfig configured = config.network();
        NetworkConfig network = interfaceName == null || interfaceName.equals(configured.interfaceName())
                ? configured : new NetworkConfig(interfaceName, null);
        NetworkResolver.Resolved resolved = NetworkResolver.resolve(network);
        String url = new BootDirectivesService(config.provisioning().url(), resolved.address(), config.http().port())
                .directives().provisioningUrl();
        return OwnServer.of(config, resolved.interfaceName(), resolved.address(), url, hostName());
    }

    static DhcpProbeReport probe(ZtpboxConfig config, OwnServer own, Duration wait) {
        return prober(config, own).probe(wait);
    }

    static DhcpProber prober(ZtpboxConfig config, OwnServer own) {
        // The lock lives beside the store, where both the appliance and ztpbox doctor look; before the
        // appliance ever ran there is no state directory and nothing to serialise with.
        Path lock = Files.isDirectory(config.stateDir()) ? config.stateDir().resolve("dhcp-probe.lock") : null;
        return new DhcpProber(own.interfaceName(), own.address(), lock, Clock.systemUTC(), NeighbourTable.system());
    }

    /** The machine's name, read where the kernel keeps it: asking the resolver could hang on a LAN without DNS. */
    private static Set<String> hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            return name.isEmpty() ? Set.of() : Set.of(name);
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }
}
