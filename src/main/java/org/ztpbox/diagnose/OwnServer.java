package org.ztpbox.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ztpbox.config.DhcpMode;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.Ipv4Address;

/**
 * What ztpbox itself is on the LAN, so diagnosis can tell its answers and its address from anyone
 * else's.
 *
 * @param interfaceName   the LAN interface
 * @param address         the appliance's address on it (its DHCP server identifier)
 * @param provisioningUrl the URL it hands out in options 160 and 66
 * @param names           every host name or address that means this box, lower case
 * @param served          the forms under which it serves the provisioning files
 * @param mode            its DHCP mode
 */
public record OwnServer(String interfaceName, Ipv4Address address, String provisioningUrl, Set<String> names,
                        List<ServedForm> served, DhcpMode mode) {

    /** A scheme, port and directory under which ztpbox serves the catalog. */
    public record ServedForm(String scheme, int port, String directory) {
    }

    public OwnServer {
        names = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(names)); // kept in order: shown to people
        served = List.copyOf(served);
    }

    /**
     * From the configuration: the provisioning URL's own form; HTTP and HTTPS under the URL's path
     * when those listeners run; TFTP from its root (DESIGN.md, Interfaces).
     *
     * @param otherNames further names of this box (its host name), may be empty
     */
    public static OwnServer of(ZtpboxConfig config, String interfaceName, Ipv4Address address, String provisioningUrl,
                               Set<String> otherNames) {
        ProvisioningAddress url = ProvisioningAddress.parse(provisioningUrl);
        Set<String> names = new LinkedHashSet<>();
        names.add(address.toString());
        if (url.host() != null) {
            names.add(url.host());
        }
        config.http().tls().names().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        otherNames.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        List<ServedForm> served = new ArrayList<>();
        served.add(new ServedForm(url.scheme(), url.effectivePort(), url.directory()));
        if (config.http().enabled()) {
            served.add(new ServedForm("http", config.http().port(), url.directory()));
            if (config.http().httpsPort() > 0) {
                served.add(new ServedForm("https", config.http().httpsPort(), url.directory()));
            }
        }
        if (config.tftp().enabled()) {
            served.add(new ServedForm("tftp", config.tftp().port(), "/"));
        }
        return new OwnServer(interfaceName, address, provisioningUrl, names, served, config.dhcp().mode());
    }

    public ProvisioningAddress url() {
        return ProvisioningAddress.parse(provisioningUrl);
    }

    /** The URL as shown, password masked. */
    public String maskedUrl() {
        return Secrets.mask(provisioningUrl);
    }

    /** True when ztpbox answers DHCPINFORM from phones (not in watch mode). */
    public boolean answersPhones() {
        return mode != DhcpMode.WATCH;
    }
}
