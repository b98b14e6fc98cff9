package org.ztpbox.provisioning;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ztpbox.core.ClientDirectory;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;

/**
 * Learns which MAC uses which address from the DHCP traffic the appliance sees, and falls back
 * to the kernel's neighbour table: in {@code phones-only} and {@code watch} modes another server
 * hands out the leases, yet the phone's address was resolved by ARP before it could fetch a file
 * from us. Sits in the event stream in front of the journal, passing every event on.
 */
public final class ClientAddressBook implements EventSink, ClientDirectory {

    /** Keeps the map bounded on a LAN that churns through addresses; a /24 needs far fewer. */
    private static final int MAX_ENTRIES = 65_536;

    private final EventSink next;
    private final ClientDirectory fallback;
    private final Map<Ipv4Address, MacAddress> learned = new ConcurrentHashMap<>();

    /**
     * @param next     where every event goes on to
     * @param fallback asked for addresses no DHCP message has named, e.g. {@link NeighbourTable}
     */
    public ClientAddressBook(EventSink next, ClientDirectory fallback) {
        this.next = next;
        this.fallback = fallback;
    }

    @Override
    public void record(PhoneEvent event) {
        if ("dhcp".equals(event.source()) && event.mac() != null) {
            // An ACK we sent names the address we gave; a renewing client names its own (ciaddr), and
            // is believed only when the packet came from that address, so nobody claims another's.
            if ("ACK".equals(event.detail("reply"))) {
                learn(event.detail("address"), event.mac());
            }
            String own = event.detail("client_address");
            String from = event.detail("from");
            if (own != null && from != null && from.startsWith(own + ":")) {
                learn(own, event.mac());
            }
        }
        next.record(event);
    }

    @Override
    public Optional<MacAddress> macOf(Ipv4Address address) {
        MacAddress mac = learned.get(address);
        return mac != null ? Optional.of(mac) : fallback.macOf(address);
    }

    private void learn(String address, MacAddress mac) {
        if (address == null) {
            return;
        }
        Ipv4Address parsed;
        try {
            parsed = Ipv4Address.parse(address);
        } catch (IllegalArgumentException e) {
            return; // our own events always carry valid addresses; a foreign one is ignored
        }
        if (learned.size() >= MAX_ENTRIES && !learned.containsKey(parsed)) {
            learned.clear();
        }
        learned.put(parsed, mac);
    }
}
