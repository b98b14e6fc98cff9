package org.ztpbox.dhcp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.dhcp.DhcpRequests.inbound;
import static org.ztpbox.dhcp.engine.EngineFixture.SERVER;
import static org.ztpbox.dhcp.engine.EngineFixture.URL;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Lease;
import org.ztpbox.core.MacAddress;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpMessageType;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.DhcpRequests;

class DhcpEngineTest {

    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    private final DhcpEngine engine = EngineFixture.engine(EngineFixture.SERVE);
    private final DhcpRequests phone = new DhcpRequests(MacAddress.parse("00:04:f2:aa:81:4c"))
            .vendorClass(DhcpRequests.VVX410_VENDOR_CLASS).parameterRequestList((byte) 1, (byte) 3, (byte) 6);
    private final DhcpRequests laptop = new DhcpRequests(MacAddress.parse("02:00:00:00:00:01"));

    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    private DhcpOutcome handle(DhcpMessage message, Instant at) {
        return engine.handle(inbound(message, at));
    }

    /** DISCOVER, OFFER, REQUEST, ACK for {@code client}; returns the ACK outcome. */
    private DhcpOutcome dora(DhcpRequests client, Instant at) {
        DhcpOutcome offer = handle(client.discover(), at);
        return handle(client.selecting(offer.reply().yiaddr(), SERVER), at);
    }

    @Nested
    class Selecting {

        @Test
        void offersAnAddressFromThePoolWithTheLeaseOptions() {
            DhcpOutcome outcome = handle(laptop.discover(), t0);

            DhcpMessage offer = outcome.reply();
            assertThat(offer.type()).isEqualTo(DhcpMessageType.OFFER);
            assertThat(offer.yiaddr()).isEqualTo(ip("10.0.0.100"));
            assertThat(offer.options().address(DhcpOptionCodes.SERVER_IDENTIFIER)).isEqualTo(SERVER);
            assertThat(offer.options().address(DhcpOptionCodes.SUBNET_MASK)).isEqualTo(ip("255.255.255.0"));
            assertThat(offer.options().address(DhcpOptionCodes.ROUTER)).isEqualTo(ip("10.0.0.1"));
            assertThat(offer.options().string(DhcpOptionCodes.DOMAIN_NAME)).isEqualTo("office.lan");
            assertThat(seconds(offer, DhcpOptionCodes.LEASE_TIME)).isEqualTo(3600);
            assertThat(seconds(offer, DhcpOptionCodes.RENEWAL_TIME)).isEqualTo(1800);
            assertThat(seconds(offer, DhcpOptionCodes.REBINDING_TIME)).isEqualTo(3150);
            assertThat(outcome.lease()).as("an offer is not persisted").isNull();
        }

        @Test
        void acknowledgesItsOwnOfferWithALeaseToPersistFirst() {
            DhcpOutcome ack = dora(laptop, t0);

            assertThat(ack.reply().type()).isEqualTo(DhcpMessageType.ACK);
            assertThat(ack.reply().yiaddr()).isEqualTo(ip("10.0.0.100"));
            assertThat(ack.lease()).isNotNull();
            assertThat(ack.lease().state()).isEqualTo(Lease.LeaseState.BOUND);
            assertThat(ack.lease().mac()).isEqualTo(laptop.discover().chaddr());
            assertThat(ack.lease().expiresAt()).isEqualTo(t0.plusSeconds(3600));
        }

        @Test
        void staysSilentAndWithdrawsItsOfferWhenTheClientChoseAnotherServer() {
            DhcpOutcome offer = handle(laptop.discover(), t0);

            DhcpOutcome outcome = handle(laptop.selecting(offer.reply().yiaddr(), ip("10.0.0.254")), t0);

            assertThat(outcome.replies()).isFalse();
            assertThat(outcome.note()).contains("10.0.0.254");
            assertThat(engine.table().holderOf(ip("10.0.0.100"), t0)).isNull();
        }

        @Test
        void naksARequestForAnAddressItDidNotOffer() {
            handle(laptop.discover(), t0);
            DhcpRequests other = new DhcpRequests(MacAddress.parse("02:00:00:00:00:02"));
            handle(other.discover(), t0);

            DhcpOutcome outcome = handle(laptop.selecting(ip("10.0.0.101"), SERVER), t0);

            assertThat(outcome.reply().type()).isEqualTo(DhcpMessageType.NAK);
            assertThat(outcome.target()).isEqualTo(Ipv4Address.BROADCAST);
            assertThat(outcome.lease()).isNull();
        }

        @Test
        void givesAReservedMacItsAddressAndHostname() {
            DhcpRequests reception = new DhcpRequests(MacAddress.parse("00-04-F2-00-00-99"));

            DhcpOutcome ack = dora(reception, t0);

            assertThat(ack.reply().yiaddr()).isEqualTo(ip("10.0.0.50"));
            assertThat(ack.reply().options().string(DhcpOptionCodes.HOSTNAME)).isEqualTo("reception");
        }
    }

    @Nested
    class InitReboot {

        @Test
        void confirmsTheClientsOwnLease() {
            dora(laptop, t0);

            DhcpOutcome outcome = handle(laptop.initReboot(ip("10.0.0.100")), t0.plusSeconds(600));

            assertThat(outcome.reply().type()).isEqualTo(DhcpMessageType.ACK);
            assertThat(outcome.lease().expiresAt()).isEqualTo(t0.plusSeconds(4200));
        }

        @Test
        void naksAnAddressOnAnotherNetwork() {
            DhcpOutcome outcome = handle(laptop.initReboot(ip("192.168.7.20")), t0);

            assertThat(outcome.reply().type()).isEqualTo(DhcpMessageType.NAK);
            assertThat(outcome.reply().options().string(DhcpOptionCodes.MESSAGE)).contains("not on this network");
        }

        @Test
        void naksAnAddressHeldByAnotherClient() {
            dora(laptop, t0);
            DhcpRequests other = new DhcpRequests(MacAddress.parse("02:00:00:00:00:02"));

            DhcpOutcome outcome = handle(other.initReboot(ip("10.0.0.100")), t0);

            assertThat(outcome.reply().type()).isEqualTo(DhcpMessageType.NAK);
            assertThat(outcome.reply().options().string(DhcpOptionCodes.MESSAGE)).contains("in use");
        }

        @Test
        void grantsAFreePoolAddressToAClientItForgot() {
            DhcpOutcome outcome = handle(laptop.initReboot(ip("10.0.0.150")), t0);

            assertThat(outcome.reply().type()).isEqualTo(DhcpMessageType.ACK);
            assertThat(outcome.lease().address()).isEqualTo(ip("10.0.0.150"));
        }
    }

    @Nested
    class RenewingAndRebinding {

        @Test
        void extendsTheLeaseAndUnicastsToTheClient() {
            dora(laptop, t0);

            DhcpOutcome outcome = handle(laptop.renewing(ip("10.0.0.100")), t0.plusSeconds(1800));

            assertThat(outcome.reply().type()).isEqualTo(DhcpMessageType.ACK);
            assertThat(outcome.reply().ciaddr()).isEqualTo(ip("10.0.0.100"));
            assertThat(outcome.target()).isEqualTo(ip("10.0.0.100"));
            assertThat(outcome.targetPort()).isEqualTo(68);
            assertThat(outcome.lease().expiresAt()).isEqualTo(t0.plusSeconds(5400));
        }

        @Test
        void naksARenewalOfAnAddressNowHeldByAnotherClient() {
            DhcpRequests other = new DhcpRequests(MacAddress.parse("02:00:00:00:00:02"));
            dora(other, t0);

            DhcpOutcome outcome = handle(laptop.renewing(ip("10.0.0.100")), t0.plusSeconds(10));

            assertThat(outcome.reply().type()).isEqualTo(DhcpMessageType.NAK);
            assertThat(outcome.target()).as("a NAK is broadcast").isEqualTo(Ipv4Address.BROADCAST);
        }
    }

    @Nested
    class DeclineReleaseInform {

        @Test
        void quarantinesADeclinedAddressAndOffersAnotherOne() {
            DhcpOutcome ack = dora(laptop, t0);

            DhcpOutcome decline = handle(laptop.decline(ack.reply().yiaddr(), SERVER), t0.plusSeconds(1));

            assertThat(decline.replies()).isFalse();
            assertThat(decline.lease().state()).isEqualTo(Lease.LeaseState.DECLINED);
            assertThat(decline.lease().expiresAt()).isEqualTo(t0.plusSeconds(1 + 3600));
            assertThat(handle(laptop.discover(), t0.plusSeconds(2)).reply().yiaddr()).isEqualTo(ip("10.0.0.101"));
        }

        @Test
        void releasesTheAddress() {
            dora(laptop, t0);

            DhcpOutcome release = handle(laptop.release(ip("10.0.0.100"), SERVER), t0.plusSeconds(5));

            assertThat(release.replies()).isFalse();
            assertThat(release.lease().state()).isEqualTo(Lease.LeaseState.RELEASED);
            assertThat(engine.table().holderOf(ip("10.0.0.100"), t0.plusSeconds(6))).isNull();
        }

        @Test
        void answersInformWithOptionsButNoLease() {
            DhcpOutcome outcome = handle(phone.inform(ip("10.0.0.77")), t0);

            DhcpMessage ack = outcome.reply();
            assertThat(ack.type()).isEqualTo(DhcpMessageType.ACK);
            assertThat(ack.yiaddr()).isEqualTo(Ipv4Address.ANY);
            assertThat(ack.options().has(DhcpOptionCodes.LEASE_TIME)).isFalse();
            assertThat(ack.options().string(DhcpOptionCodes.POLYCOM_PROVISIONING_URL)).isEqualTo(URL);
            assertThat(ack.options().string(DhcpOptionCodes.TFTP_SERVER_NAME)).isEqualTo(URL);
            assertThat(outcome.target()).isEqualTo(ip("10.0.0.77"));
            assertThat(outcome.lease()).isNull();
        }
    }

    @Nested
    class ProvisioningOptions {

        @Test
        void phonesGet66And160WithoutAskingForThem() {
            DhcpMessage offer = handle(phone.discover(), t0).reply();

            assertThat(offer.options().string(DhcpOptionCodes.POLYCOM_PROVISIONING_URL)).isEqualTo(URL);
            assertThat(offer.options().string(DhcpOptionCodes.TFTP_SERVER_NAME)).isEqualTo(URL);
            assertThat(offer.options().address(DhcpOptionCodes.NTP_SERVERS)).isEqualTo(ip("10.0.0.3"));
        }

        @Test
        void phonesAreRecognisedByOuiAlone() {
            DhcpRequests plainPoly = new DhcpRequests(MacAddress.parse("64:16:7f:01:02:03"));

            assertThat(handle(plainPoly.discover(), t0).reply().options().has(160)).isTrue();
        }

        @Test
        void otherClientsGetThemOnlyWhenTheyAsk() {
            assertThat(handle(laptop.discover(), t0).reply().options().has(160)).isFalse();

            DhcpRequests asking = new DhcpRequests(MacAddress.parse("02:00:00:00:00:03"))
                    .parameterRequestList((byte) 1, (byte) 66, (byte) 160);
            DhcpMessage offer = handle(asking.discover(), t0).reply();
            assertThat(offer.options().string(160)).isEqualTo(URL);
            assertThat(offer.options().string(66)).isEqualTo(URL);
        }

        @Test
        void staysWithinTheClientsMaximumMessageSize() {
            DhcpEngine crowded = EngineFixture.engine(EngineFixture.SERVE + """
                      options:
                        - {code: 200, type: hex, value: "%s", always-send: true}
                        - {code: 201, type: hex, value: "%s", always-send: true}
                    """.formatted("ab".repeat(200), "cd".repeat(200)));

            DhcpMessage offer = crowded.handle(inbound(phone.discover(), t0)).reply();

            assertThat(offer.options().encodedSize() + 28 + 236 + 4 + 1).isLessThanOrEqualTo(576);
            assertThat(offer.options().has(160)).as("provisioning comes before extras").isTrue();
            assertThat(offer.options().has(200) && offer.options().has(201)).isFalse();
        }
    }

    @Nested
    class Relays {

        @Test
        void answersTheRelayAtItsPortAndEchoesOption82() {
            byte[] circuit = {1, 4, 0, (byte) 0xFF, 0, 1};
            DhcpMessage relayed = laptop.relayed(laptop.discover(), ip("10.0.0.254"), circuit);

            DhcpOutcome outcome = handle(relayed, t0);

            assertThat(outcome.target()).isEqualTo(ip("10.0.0.254"));
            assertThat(outcome.targetPort()).isEqualTo(67);
            assertThat(outcome.reply().giaddr()).isEqualTo(ip("10.0.0.254"));
            assertThat(outcome.reply().options().get(DhcpOptionCodes.RELAY_AGENT_INFO)).isEqualTo(circuit);
        }

        @Test
        void naksThroughARelayWithTheBroadcastFlagSet() {
            DhcpMessage relayed = laptop.relayed(laptop.initReboot(ip("192.168.9.9")), ip("10.0.0.254"), null);

            DhcpMessage nak = handle(relayed, t0).reply();

            assertThat(nak.type()).isEqualTo(DhcpMessageType.NAK);
            assertThat(nak.broadcastFlag()).isTrue();
        }
    }

    @Nested
    class Modes {

        @Test
        void watchAnswersNobody() {
            DhcpEngine watch = EngineFixture.engine(EngineFixture.SERVE.replace("mode: serve", "mode: watch"));

            DhcpOutcome outcome = watch.handle(inbound(phone.discover(), t0));

            assertThat(outcome.replies()).isFalse();
            assertThat(outcome.classification().isPhone()).as("still classified, for the record").isTrue();
        }

        @Test
        void phonesOnlyAnswersPhonesAndNobodyElse() {
            DhcpEngine phonesOnly = EngineFixture.engine(EngineFixture.SERVE.replace("mode: serve",
                    "mode: phones-only"));
            DhcpRequests unknownOuiPhone = new DhcpRequests(MacAddress.parse("02:00:00:00:00:21"))
                    .vendorClass(DhcpRequests.SPIP550_VENDOR_CLASS);

            assertThat(phonesOnly.handle(inbound(unknownOuiPhone.discover(), t0)).replies()).isTrue();
            assertThat(phonesOnly.handle(inbound(laptop.discover(), t0)).replies()).isFalse();
            assertThat(phonesOnly.handle(inbound(laptop.inform(ip("10.0.0.9")), t0)).replies()).isFalse();
        }

        @Test
        void aClassPoolServesItsMembers() {
            DhcpEngine withClass = EngineFixture.engine(EngineFixture.SERVE + """
                      classes:
                        - name: lobby
                          phone: true
                          match: {mac: [02:00:00:00:00:01]}
                          pool: 10.0.0.200-10.0.0.210
                          options:
                            - {code: 42, type: ips, value: [10.0.0.9]}
                    """);

            DhcpMessage offer = withClass.handle(inbound(laptop.discover(), t0)).reply();

            assertThat(offer.yiaddr()).isEqualTo(ip("10.0.0.200"));
            assertThat(offer.options().address(DhcpOptionCodes.NTP_SERVERS)).isEqualTo(ip("10.0.0.9"));
        }
    }

    private static long seconds(DhcpMessage message, int code) {
        byte[] v = message.options().get(code);
        return ((v[0] & 0xFFL) << 24) | ((v[1] & 0xFF) << 16) | ((v[2] & 0xFF) << 8) | (v[3] & 0xFF);
    }
}
