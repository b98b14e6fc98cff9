package org.ztpbox.dhcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ztpbox.config.ConfigLoader;
import org.ztpbox.config.DhcpConfig;
import org.ztpbox.core.BootDirectives;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Lease;
import org.ztpbox.core.LeaseJournal;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.PhoneRecord;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpMessageType;
import org.ztpbox.dhcp.DhcpRequests;
import org.ztpbox.dhcp.codec.DhcpCodec;
import org.ztpbox.dhcp.codec.DhcpDecodeResult;
import org.ztpbox.dhcp.engine.DhcpEngine;
import org.ztpbox.dhcp.pool.LeaseTable;
import org.ztpbox.provisioning.records.PhoneObservations;

class DhcpChannelHandlerTest {

    private static final Ipv4Address SERVER = Ipv4Address.parse("10.0.0.1");
    private static final InetSocketAddress CLIENT = new InetSocketAddress("0.0.0.0", 68);

    /** A journal whose commits the test completes by hand, to see what waits for them. */
    private static final class ManualJournal implements LeaseJournal {
        final List<Lease> leases = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();

        @Override
        public CompletableFuture<Void> persist(Lease lease) {
            leases.add(lease);
            CompletableFuture<Void> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        }
    }

    private final DhcpCodec codec = new DhcpCodec();
    private final ManualJournal journal = new ManualJournal();
    private final List<PhoneEvent> events = new ArrayList<>();
    private final DhcpCounters counters = new DhcpCounters();
    private final DhcpRequests phone = new DhcpRequests(MacAddress.parse("00:04:f2:aa:81:4c"))
            .vendorClass(DhcpRequests.VVX410_VENDOR_CLASS);
    private EmbeddedChannel channel;

    private EmbeddedChannel channel(int rateLimit) {
        DhcpConfig config = ConfigLoader.parse("test", """
                dhcp:
                  mode: serve
                  subnet: 10.0.0.0/24
                  pool: 10.0.0.100-10.0.0.110
                """).dhcp();
        LeaseTable table = new LeaseTable(java.util.Map.of(LeaseTable.DEFAULT_POOL, config.pool()), java.util.Map.of());
        DhcpEngine engine = new DhcpEngine(config, SERVER, new BootDirectives("http://x/", "http://x/"), table);
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        channel = new EmbeddedChannel(new DhcpChannelHandler(engine, journal, events::add, counters, rateLimit, clock));
        return channel;
    }

    @AfterEach
    void finish() {
        assertThat(channel.finish()).as("nothing left in the channel").isFalse();
    }

    private void send(byte[] bytes) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bytes), new InetSocketAddress(67), CLIENT));
    }

    private void send(DhcpMessage message) {
        send(codec.encode(message, 1500));
    }

    private DhcpMessage reply() {
        DatagramPacket packet = channel.readOutbound();
        assertThat(packet).as("a reply was sent").isNotNull();
        try {
            assertThat(packet.recipient()).isEqualTo(new InetSocketAddress("255.255.255.255", 68));
            DhcpDecodeResult result = codec.decode(ByteBufUtil.getBytes(packet.content()));
            return ((DhcpDecodeResult.Decoded) result).message();
        } finally {
            packet.release();
        }
    }

    @Test
    void runsAFullDoraAndAcknowledgesOnlyAfterTheLeaseIsCommitted() {
        channel(100);
        send(phone.discover());
        DhcpMessage offer = reply();
        assertThat(offer.type()).isEqualTo(DhcpMessageType.OFFER);

        send(phone.selecting(offer.yiaddr(), SERVER));
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).as("no ACK before the commit").isNull();
        assertThat(journal.leases).hasSize(1);

        journal.pending.get(0).complete(null);
        channel.runPendingTasks();
        DhcpMessage ack = reply();
        assertThat(ack.type()).isEqualTo(DhcpMessageType.ACK);
        assertThat(ack.yiaddr()).isEqualTo(offer.yiaddr());
        assertThat(events).extracting(PhoneEvent::type).containsExactly("DISCOVER", "REQUEST");
        assertThat(events).extracting(e -> e.detail("reply")).containsExactly("OFFER", "ACK");
        assertThat(events.get(0).detail("model")).isEqualTo("VVX-VVX_410");
        assertThat(events.get(1).detail("address")).isEqualTo(offer.yiaddr().toString());
    }

    @Test
    void theEventsOfADoraMakeThePhonesRecord() {
        channel(100);
        send(phone.discover());
        DhcpMessage offer = reply();
        send(phone.selecting(offer.yiaddr(), SERVER));
        journal.pending.get(0).complete(null);
        channel.runPendingTasks();
        reply();

        PhoneRecord record = null;
        for (PhoneEvent event : events) {
            record = PhoneObservations.apply(record, event);
        }

        assertThat(record.model()).isEqualTo("VVX410");
        assertThat(record.partNumber()).isEqualTo("3111-46162-001");
        assertThat(record.firmware()).isEqualTo("5.9.5.0614");
        assertThat(record.stage()).isEqualTo("application");
        assertThat(record.lastAddress()).isEqualTo(offer.yiaddr().toString());
        assertThat(record.lastSeenVia()).isEqualTo("dhcp");
    }

    @Test
    void sendsNoAckWhenTheCommitFails() {
        channel(100);
        send(phone.discover());
        DhcpMessage offer = reply();
        send(phone.selecting(offer.yiaddr(), SERVER));

        journal.pending.get(0).completeExceptionally(new IllegalStateException("disk full"));
        channel.runPendingTasks();

        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(counters.snapshot()).containsEntry("store-failures", 1L);
    }

    @Test
    void recordsTheServerAClientChoseEvenWhenItIsAnotherOne() {
        channel(100);
        send(phone.discover());
        reply();

        send(phone.selecting(Ipv4Address.parse("10.0.0.100"), Ipv4Address.parse("192.0.2.1")));

        assertThat((Object) channel.readOutbound()).isNull();
        PhoneEvent request = events.get(events.size() - 1);
        assertThat(request.type()).isEqualTo("REQUEST");
        assertThat(request.detail("server_id")).isEqualTo("192.0.2.1");
    }

    @Test
    void countsAndDropsMalformedPacketsAndKeepsServing() {
        channel(100);
        byte[] good = codec.encode(phone.discover(), 1500);
        send(new byte[] {1, 2, 3});
        send(java.util.Arrays.copyOf(good, 100));
        byte[] wrongOp = good.clone();
        wrongOp[0] = 9;
        send(wrongOp);

        assertThat(counters.malformed()).isEqualTo(3);
        assertThat(channel.isOpen()).isTrue();
        send(good);
        assertThat(reply().type()).isEqualTo(DhcpMessageType.OFFER);
    }

    @Test
    void rateLimitsAClientThatFloods() {
        channel(2);
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            send(phone.discover());
        }
        long refills = (System.nanoTime() - started) * 2 / 1_000_000_000L; // a slow machine earns tokens meanwhile
        int replies = 0;
        for (DatagramPacket p; (p = channel.readOutbound()) != null; p.release()) {
            replies++;
        }

        assertThat(replies).isBetween(4, 4 + (int) refills); // the burst: twice the per-second rate
        assertThat(counters.rateLimited()).isEqualTo(20 - replies);
        DhcpMessage other = new DhcpRequests(MacAddress.parse("02:00:00:00:00:05")).discover();
        send(other);
        assertThat(reply().type()).as("other clients are still served").isEqualTo(DhcpMessageType.OFFER);
    }
}
