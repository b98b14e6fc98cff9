package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;

class ClientAddressBookTest {

    private static final MacAddress PHONE = MacAddress.parse("0004f2aa814c");
    private static final MacAddress OTHER = MacAddress.parse("64167f000002");

    private final List<PhoneEvent> passedOn = new ArrayList<>();
    private final ClientAddressBook book = new ClientAddressBook(passedOn::add,
            address -> address.equals(Ipv4Address.parse("192.168.1.99")) ? Optional.of(OTHER) : Optional.empty());

    private static PhoneEvent dhcp(MacAddress mac, String type, Map<String, String> details) {
        return new PhoneEvent(Instant.EPOCH, mac, "dhcp", type, details);
    }

    @Test
    void theAddressOfAnAckWeSentNamesItsPhoneAndEveryEventPassesOn() {
        book.record(dhcp(PHONE, "REQUEST", Map.of("reply", "ACK", "address", "192.168.1.20")));

        assertThat(book.macOf(Ipv4Address.parse("192.168.1.20"))).contains(PHONE);
        assertThat(passedOn).hasSize(1);
    }

    @Test
    void anOfferOrANakNamesNobody() {
        book.record(dhcp(PHONE, "DISCOVER", Map.of("reply", "OFFER", "address", "192.168.1.20")));
        book.record(dhcp(PHONE, "REQUEST", Map.of("reply", "NAK", "address", "192.168.1.21")));

        assertThat(book.macOf(Ipv4Address.parse("192.168.1.20"))).isEmpty();
        assertThat(book.macOf(Ipv4Address.parse("192.168.1.21"))).isEmpty();
    }

    @Test
    void aClientThatStatesItsOwnAddressIsLearnedEvenWhenAnotherServerLeasedIt() {
        book.record(dhcp(PHONE, "INFORM", Map.of("client_address", "192.168.1.30", "from", "192.168.1.30:68")));

        assertThat(book.macOf(Ipv4Address.parse("192.168.1.30"))).contains(PHONE);
    }

    @Test
    void anAddressClaimedFromAnotherAddressIsNotBelieved() {
        book.record(dhcp(OTHER, "INFORM", Map.of("client_address", "192.168.1.30", "from", "192.168.1.66:68")));

        assertThat(book.macOf(Ipv4Address.parse("192.168.1.30"))).isEmpty();
    }

    @Test
    void aReassignedAddressNamesItsNewHolder() {
        book.record(dhcp(PHONE, "REQUEST", Map.of("reply", "ACK", "address", "192.168.1.20")));
        book.record(dhcp(OTHER, "REQUEST", Map.of("reply", "ACK", "address", "192.168.1.20")));

        assertThat(book.macOf(Ipv4Address.parse("192.168.1.20"))).contains(OTHER);
    }

    @Test
    void unknownAddressesAreAskedOfTheFallbackAndOtherSourcesTeachNothing() {
        book.record(new PhoneEvent(Instant.EPOCH, PHONE, "http", "GET", Map.of("client_address", "192.168.1.40")));

        assertThat(book.macOf(Ipv4Address.parse("192.168.1.40"))).isEmpty();
        assertThat(book.macOf(Ipv4Address.parse("192.168.1.99"))).contains(OTHER);
    }
}
