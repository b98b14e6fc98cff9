package org.ztpbox.config;

import java.util.List;
import org.ztpbox.core.MacAddress;

/**
 * A client class: who belongs to it, and what they get.
 *
 * @param phone         members are phones (answered in phones-only mode, always sent 66 and 160)
 * @param vendorClasses option 60 matches: a text prefix, or {@code polycom} for the binary RFC 3925
 *                      form with Polycom's enterprise number
 * @param ouis          24-bit OUIs
 * @param macs          single MACs
 * @param pool          the class's own addresses; empty means the subnet's pool
 */
public record ClientClassConfig(String name, boolean phone, List<String> vendorClasses, List<Integer> ouis,
                                List<MacAddress> macs, List<org.ztpbox.core.Ipv4Range> pool,
                                List<OptionSetting> options) {

    /** Known Poly / Polycom phone OUIs (polycom-provisioning.md §7). */
    public static final List<Integer> POLYCOM_OUIS = List.of(0x0004F2, 0x64167F, 0x482567, 0x00907A);

    public ClientClassConfig {
        vendorClasses = List.copyOf(vendorClasses);
        ouis = List.copyOf(ouis);
        macs = List.copyOf(macs);
        pool = List.copyOf(pool);
        options = List.copyOf(options);
    }

    /** The built-in phone class, used unless the file defines a class named {@code polycom}. */
    public static ClientClassConfig builtInPolycom() {
        return new ClientClassConfig("polycom", true, List.of("polycom"), POLYCOM_OUIS, List.of(), List.of(), List.of());
    }
}
