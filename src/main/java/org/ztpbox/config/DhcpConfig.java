package org.ztpbox.config;

import java.time.Duration;
import java.util.List;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Ipv4Range;
import org.ztpbox.core.Ipv4Subnet;

/**
 * The DHCP server's settings. {@code subnet} is null only in watch mode with no subnet given;
 * {@code router} and {@code domain} may be null.
 *
 * @param rateLimit          packets per second accepted from one MAC (bursts of twice that)
 * @param provisioningToAll  send options 66 and 160 to every client, not only to phones
 */
public record DhcpConfig(DhcpMode mode, int port, Ipv4Subnet subnet, List<Ipv4Range> pool, Ipv4Address router,
                         List<Ipv4Address> dns, List<Ipv4Address> ntp, String domain, Duration leaseTime,
                         Duration declineQuarantine, Duration offerHold, int rateLimit, boolean provisioningToAll,
                         List<Reservation> reservations, List<OptionSetting> options,
                         List<ClientClassConfig> classes) {

    public DhcpConfig {
        pool = List.copyOf(pool);
        dns = List.copyOf(dns);
        ntp = List.copyOf(ntp);
        reservations = List.copyOf(reservations);
        options = List.copyOf(options);
        classes = List.copyOf(classes);
    }
}
