package org.ztpbox.dhcp.probe;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.unix.RawUnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ztpbox.core.ClientDirectory;
import org.ztpbox.core.DhcpProbeReply;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.ProbePersona;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.codec.DhcpCodec;

/**
 * Asks the LAN's DHCP servers what they would tell a Poly phone: a DISCOVER and an INFORM as a
 * phone and as a generic client, all broadcast on one interface and sent once more halfway through
 * the window, then every answer collected until the window ends. Nothing is ever sent to any
 * address but the limited broadcast on that interface, and no lease is taken (no REQUEST is sent).
 *
 * <p><b>Sockets.</b> The probe runs on the appliance's box, beside ztpbox's own DHCP server (UDP
 * 67) and maybe a DHCP client of the box (UDP 68), and must neither block them nor be blocked
 * (DESIGN.md, pitfalls). It never binds 67: the server keeps its port. On 68 it binds two UDP
 * sockets (Netty's epoll transport, as {@code dhcp.server} does), both with {@code SO_REUSEADDR},
 * which the usual DHCP clients (ISC dhclient, udhcpc, systemd-networkd) also set, so each side can
 * bind while the other holds the port:
 * <ul>
 *   <li>one bound to {@code 255.255.255.255:68} and to the interface ({@code SO_BINDTODEVICE}):
 *       it sends every question out of that interface only (whatever the routes say) and receives
 *       only broadcast answers arriving there. The kernel gives a copy of a broadcast to every
 *       socket on the port, so a DHCP client on the box sees those answers too and ignores them
 *       (other xid, other MAC), as it ignores any other client's;</li>
 *   <li>one bound to this box's address on the interface, port 68, for the unicast answers to
 *       INFORM (RFC 2131 §4.3.5 sends them to ciaddr). It is not bound to the device on purpose:
 *       ztpbox's own answer to the INFORM reaches this box's address over the loopback interface.
 *       Being bound to a specific address, it wins unicast datagrams over a client's wildcard
 *       socket for the few seconds of the window; ISC dhclient receives through a packet socket
 *       anyway, and a client that misses a renewal answer retries.</li>
 * </ul>
 * {@code SO_REUSEPORT} is not used: it would put two probes into one load-balancing group and
 * split their unicast answers; instead {@link ProbeLock} runs one probe at a time. A packet
 * socket would see the servers' MACs, but the JDK has no access to one; the MAC is taken from the
 * kernel's neighbour table when it is there.
 */
public final class DhcpProber {

    public static final int SERVER_PORT = 67;
    public static final int CLIENT_PORT = 68;
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final String LIMITED_BROADCAST = "255.255.255.255";

    private final String interfaceName;
    private final Ipv4Address clientAddress;
    private final Path lockFile;
    private final Clock clock;
    private final ClientDirectory neighbours;
    private final DhcpCodec codec = new DhcpCodec();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param clientAddress this box's address on the interface, carried by the INFORMs; null to send
     *                      no INFORM
     * @param lockFile      the file that serialises probes on this box; null for none
     * @param neighbours    the kernel's neighbour table, where the answering servers' MACs are looked up
     */
    public DhcpProber(String interfaceName, Ipv4Address clientAddress, Path lockFile, Clock clock,
                      ClientDirectory neighbours) {
        this.interfaceName = interfaceName;
        this.clientAddress = clientAddress;
        this.lockFile = lockFile;
        this.clock = clock;
        this.neighbours = neighbours;
    }

    /**
     * Runs one probe: sends, waits {@code window}, reports.
     *
     * @throws IllegalStateException when the probe cannot run at all (no such interface, no epoll,
     *                               port 68 held exclusively), with the reason in plain words
     */
    public DhcpProbeReport probe(Duration window) {
        NetworkInterface nic = usableInterface();
        if (!Epoll.isAvailable()) {
            throw new IllegalStateException("the DHCP probe needs Linux's native epoll transport to bind to "
                    + interfaceName + ": " + Epoll.unavailabilityCause());
        }
        MacAddress mac = probeMac(nic);
        List<String> notes = new ArrayList<>();
        try (ProbeLock lock = lockFile == null ? null : ProbeLock.acquire(lockFile, window.plusSeconds(10))) {
            if (lockFile != null && lock == null) {
                notes.add("could not open " + lockFile + "; not serialised with other probes on this box");
            }
            return run(window, mac, notes, hardwareAddress(nic));
        }
    }

    private DhcpProbeReport run(Duration window, MacAddress mac, List<String> notes, MacAddress ownMac) {
        ProbeAnswers answers = new ProbeAnswers(mac);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("dhcp-probe", true),
                EpollIoHandler.newFactory());
        List<String> sent = new ArrayList<>();
        Instant started = clock.instant();
        try {
            Channel broadcast = bind(group, answers, new InetSocketAddress(LIMITED_BROADCAST, CLIENT_PORT), true);
            Ipv4Address informFrom = clientAddress;
            if (informFrom == null) {
                notes.add("no INFORM sent: " + interfaceName + " has no IPv4 address to put in ciaddr");
            } else {
                try {
                    bind(group, answers, new InetSocketAddress(inet(informFrom), CLIENT_PORT), false);
                } catch (IllegalStateException e) {
                    notes.add("no INFORM sent: " + e.getMessage());
                    informFrom = null;
                }
            }
            List<DhcpMessage> questions = new ArrayList<>();
            for (ProbePersona persona : ProbePersona.values()) {
                questions.add(ProbeMessages.discover(persona, mac, random.nextInt()));
                if (informFrom != null) {
                    questions.add(ProbeMessages.inform(persona, mac, random.nextInt(), informFrom));
                }
            }
            for (DhcpMessage question : questions) {
                answers.asked(question.xid(), new ProbeAnswers.Question(persona(question), question.type(),
                        clock.instant()));
                sent.add(send(broadcast, question));
            }
            // Once more halfway, as a client retransmits (RFC 2131 §4.1): a server busy with a ping check
            // before offering (dnsmasq does one, up to 3 s) may drop what arrives meanwhile.
            Thread.sleep(window.toMillis() / 2);
            for (DhcpMessage question : questions) {
                send(broadcast, question);
            }
            Thread.sleep(window.toMillis() - window.toMillis() / 2);
            return new DhcpProbeReport(interfaceName, informFrom, mac, ProbeMessages.PHONE_MODEL,
                    ProbeMessages.PHONE_FIRMWARE, started, window, sent, withMacs(answers.replies(), ownMac), notes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("DHCP probe interrupted", e);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private Channel bind(EventLoopGroup group, ProbeAnswers answers, InetSocketAddress local, boolean toDevice) {
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channelFactory(() -> new EpollDatagramChannel(SocketProtocolFamily.INET))
                .option(ChannelOption.SO_BROADCAST, true)
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new AnswerHandler(answers, clock));
        if (toDevice) {
            byte[] name = (interfaceName + "\0").getBytes(StandardCharsets.US_ASCII);
            ByteBuffer value = ByteBuffer.allocateDirect(name.length).put(name).flip();
            bootstrap.option(new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE, name.length),
                    value);
        }
        try {
            return bootstrap.bind(local).sync().channel();
        } catch (Exception e) { // Netty rethrows the native bind error, a checked IOException, from sync()
            throw new IllegalStateException("cannot bind UDP " + local.getAddress().getHostAddress() + ":"
                    + local.getPort() + (toDevice ? " on " + interfaceName : "") + ": " + e.getMessage()
                    + " (port 68 needs root or CAP_NET_BIND_SERVICE; a program holding it without SO_REUSEADDR"
                    + " shows in `ss -ulpn 'sport = :68'`)", e);
        }
    }

    /** Broadcasts one question; returns the line that records it. */
    private String send(Channel channel, DhcpMessage message) throws InterruptedException {
        byte[] bytes = codec.encode(message, 1500);
        var target = new InetSocketAddress(LIMITED_BROADCAST, SERVER_PORT);
        var result = channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), target)).await();
        String line = message.type() + " as " + persona(message).label() + ", xid " + Integer.toHexString(message.xid());
        return result.isSuccess() ? line : line + " (send failed: " + result.cause() + ")";
    }

    private static ProbePersona persona(DhcpMessage question) {
        return question.options().has(DhcpOptionCodes.VENDOR_CLASS) ? ProbePersona.PHONE : ProbePersona.GENERIC;
    }

    /**
     * A UDP socket does not see the Ethernet header, so a server's MAC comes from the kernel's
     * neighbour table when it is there: a server that unicasts its answer to an INFORM resolves
     * this box first, and Linux records the asker of an ARP request. A server that only broadcasts
     * stays "MAC unknown"; the probe never ARPs on its own.
     */
    private List<DhcpProbeReply> withMacs(List<DhcpProbeReply> replies, MacAddress ownMac) {
        List<DhcpProbeReply> out = new ArrayList<>(replies.size());
        for (DhcpProbeReply reply : replies) {
            MacAddress mac = reply.from().equals(clientAddress) ? ownMac : neighbours.macOf(reply.from()).orElse(null);
            out.add(mac == null ? reply : reply.withServerMac(mac));
        }
        return out;
    }

    private NetworkInterface usableInterface() {
        try {
            NetworkInterface nic = NetworkInterface.getByName(interfaceName);
            if (nic == null) {
                throw new IllegalStateException("no network interface named '" + interfaceName + "'");
            }
            if (!nic.isUp()) {
                throw new IllegalStateException("network interface " + interfaceName + " is down");
            }
            return nic;
        } catch (SocketException e) {
            throw new IllegalStateException("cannot read network interface " + interfaceName + ": " + e.getMessage(), e);
        }
    }

    /**
     * 02:5a:54 (locally administered, see {@link DhcpProbeReport#PROBE_OUI}) and the low three
     * bytes of the interface's own MAC: stable per box, so that servers that remember offers see
     * one client, not a new one per run.
     */
    private MacAddress probeMac(NetworkInterface nic) {
        MacAddress own = hardwareAddress(nic);
        long low = own != null ? own.value() & 0xFF_FFFFL : random.nextInt(1 << 24);
        return new MacAddress(((long) DhcpProbeReport.PROBE_OUI << 24) | low);
    }

    private static MacAddress hardwareAddress(NetworkInterface nic) {
        try {
            byte[] hw = nic.getHardwareAddress();
            return hw != null && hw.length == 6 ? MacAddress.fromBytes(hw, 0) : null;
        } catch (SocketException e) {
            return null;
        }
    }

    private static InetAddress inet(Ipv4Address address) {
        try {
            return InetAddress.getByAddress(address.toBytes());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** Hands each datagram on port 68 to the collector; runs on the probe's event loop. */
    private static final class AnswerHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final ProbeAnswers answers;
        private final Clock clock;

        AnswerHandler(ProbeAnswers answers, Clock clock) {
            this.answers = answers;
            this.clock = clock;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            InetAddress sender = packet.sender().getAddress();
            if (sender == null || sender.getAddress().length != 4) {
                return;
            }
            answers.offer(ByteBufUtil.getBytes(packet.content()), Ipv4Address.fromBytes(sender.getAddress(), 0),
                    clock.instant());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // One bad datagram must not end the probe; the collector already ignores what it cannot read.
        }
    }
}
