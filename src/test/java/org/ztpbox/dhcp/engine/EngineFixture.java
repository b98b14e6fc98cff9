package org.ztpbox.dhcp.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ztpbox.config.ClientClassConfig;
import org.ztpbox.config.ConfigLoader;
import org.ztpbox.config.DhcpConfig;
import org.ztpbox.config.Reservation;
import org.ztpbox.core.BootDirectives;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Ipv4Range;
import org.ztpbox.core.MacAddress;
import org.ztpbox.dhcp.pool.LeaseTable;

/** An engine built from YAML, as the appliance builds it. */
final class EngineFixture {

    static final Ipv4Address SERVER = Ipv4Address.parse("10.0.0.1");
    static final String URL = "http://10.0.0.1/prov/";

    static final String SERVE = """
            dhcp:
              mode: serve
              subnet: 10.0.0.0/24
              pool: 10.0.0.100-10.0.0.199
              router: 10.0.0.1
              dns: [10.0.0.1]
              domain: office.lan
              ntp: [10.0.0.3]
              lease-time: 1h
              reservations:
                - mac: 00:04:f2:00:00:99
                  address: 10.0.0.50
                  hostname: reception
            """;

    private EngineFixture() {
    }

    static DhcpEngine engine(String yaml) {
        DhcpConfig config = ConfigLoader.parse("test", yaml).dhcp();
        return new DhcpEngine(config, SERVER, new BootDirectives(URL, URL), table(config));
    }

    static LeaseTable table(DhcpConfig config) {
        Map<String, List<Ipv4Range>> pools = new HashMap<>();
        pools.put(LeaseTable.DEFAULT_POOL, config.pool());
        for (ClientClassConfig c : config.classes()) {
            if (!c.pool().isEmpty()) {
                pools.put(c.name(), c.pool());
            }
        }
        Map<MacAddress, Ipv4Address> reservations = new HashMap<>();
        for (Reservation r : config.reservations()) {
            reservations.put(r.mac(), r.address());
        }
        return new LeaseTable(pools, reservations);
    }
}
