package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;

class NeighbourTableTest {

    /** As Linux prints it: complete entries have flag 0x2, incomplete ones 0x0 and a zero MAC. */
    private static final List<String> PROC_NET_ARP = List.of(
            "IP address       HW type     Flags       HW address            Mask     Device",
            "192.168.1.20     0x1         0x2         00:04:f2:aa:81:4c     *        eth0",
            "192.168.1.21     0x1         0x0         00:00:00:00:00:00     *        eth0",
            "192.168.1.22     0x1         0x6         64:16:7f:00:00:01     *        eth0",
            "garbage");

    @TempDir
    Path dir;

    @Test
    void completeEntriesNameTheirMacAndIncompleteOrUnreadableOnesNothing() {
        var entries = NeighbourTable.parse(PROC_NET_ARP);

        assertThat(entries).containsOnlyKeys(Ipv4Address.parse("192.168.1.20"), Ipv4Address.parse("192.168.1.22"));
        assertThat(entries.get(Ipv4Address.parse("192.168.1.20"))).isEqualTo(MacAddress.parse("0004f2aa814c"));
    }

    @Test
    void anAddressMissingFromTheLastReadIsLookedUpAgainOnceTheSnapshotIsOld() throws IOException {
        Path file = dir.resolve("arp");
        Files.write(file, PROC_NET_ARP.subList(0, 1));
        NeighbourTable table = new NeighbourTable(file, 0);
        assertThat(table.macOf(Ipv4Address.parse("192.168.1.20"))).isEmpty();

        Files.write(file, PROC_NET_ARP);

        assertThat(table.macOf(Ipv4Address.parse("192.168.1.20"))).contains(MacAddress.parse("0004f2aa814c"));
    }

    @Test
    void noTableMeansNoAnswer() {
        assertThat(new NeighbourTable(dir.resolve("missing"), 0).macOf(Ipv4Address.parse("10.0.0.1"))).isEmpty();
    }
}
