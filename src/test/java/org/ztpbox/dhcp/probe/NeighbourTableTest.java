package org.ztpbox.dhcp.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;

class NeighbourTableTest {

    private static final String PROC_NET_ARP = """
            IP address       HW type     Flags       HW address            Mask     Device
            10.231.0.2       0x1         0x2         2e:7e:b9:1b:c5:81     *        br0
            10.231.0.3       0x1         0x0         00:00:00:00:00:00     *        br0
            10.231.0.4       0x1         0x2         02:00:00:00:00:04     *        eth1
            10.231.0.5       0x1         0x6         02:00:00:00:00:05     *        br0
            """;

    @Test
    void keepsCompleteEntriesOfTheInterface() {
        Map<Ipv4Address, MacAddress> table = NeighbourTable.parse(PROC_NET_ARP, "br0");

        assertThat(table).containsOnlyKeys(Ipv4Address.parse("10.231.0.2"), Ipv4Address.parse("10.231.0.5"));
        assertThat(table.get(Ipv4Address.parse("10.231.0.2"))).hasToString("2e:7e:b9:1b:c5:81");
    }

    @Test
    void anUnreadableTableIsEmpty() {
        assertThat(NeighbourTable.parse("garbage\n1 2 3\n", "br0")).isEmpty();
    }
}
