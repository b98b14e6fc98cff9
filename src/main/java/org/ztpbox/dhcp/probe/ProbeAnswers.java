package org.ztpbox.dhcp.probe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ztpbox.core.DhcpProbeReply;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.ProbePersona;
import org.ztpbox.dhcp.DhcpMessage;
import org.ztpbox.dhcp.DhcpMessageType;
import org.ztpbox.dhcp.DhcpOptionCodes;
import org.ztpbox.dhcp.DhcpOptions;
import org.ztpbox.dhcp.codec.DhcpCodec;
import org.ztpbox.dhcp.codec.DhcpDecodeResult;

/**
 * Collects the answers to the probe's questions: a datagram counts when it is a BOOTREPLY to the
 * probe's MAC carrying the xid of a question asked; anything else on port 68 (other clients'
 * answers, garbage) is ignored. A server's repeated answer to one question is kept once.
 * Thread-safe.
 */
final class ProbeAnswers {

    /** One message the probe sent. */
    record Question(ProbePersona persona, DhcpMessageType asked, Instant at) {
    }

    private final DhcpCodec codec = new DhcpCodec();
    private final MacAddress mac;
    private final Map<Integer, Question> questions = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<DhcpProbeReply> replies = new ArrayList<>();

    ProbeAnswers(MacAddress mac) {
        this.mac = mac;
    }

    synchronized void asked(int xid, Question question) {
        questions.put(xid, question);
    }

    /** Takes a received datagram; returns whether it was an answer to the probe. */
    synchronized boolean offer(byte[] datagram, Ipv4Address from, Instant at) {
        if (!(codec.decode(datagram) instanceof DhcpDecodeResult.Decoded decoded)) {
            return false;
        }
        DhcpMessage m = decoded.message();
        Question question = questions.get(m.xid());
        if (m.op() != DhcpMessage.BOOTREPLY || !mac.equals(m.chaddr()) || question == null || m.type() == null) {
            return false;
        }
        DhcpOptions o = m.options();
        Ipv4Address serverId = o.address(DhcpOptionCodes.SERVER_IDENTIFIER);
        if (!seen.add(m.xid() + "/" + m.type() + "/" + (serverId != null ? serverId : from))) {
            return false;
        }
        int lease = o.length(DhcpOptionCodes.LEASE_TIME) == 4 ? uint32(o.get(DhcpOptionCodes.LEASE_TIME)) : -1;
        replies.add(new DhcpProbeReply(question.persona(), question.asked().toString(), m.type().toString(), from,
                serverId, null, m.yiaddr().isAny() ? null : m.yiaddr(),
                lease < 0 ? null : Duration.ofSeconds(Integer.toUnsignedLong(lease)),
                o.string(DhcpOptionCodes.TFTP_SERVER_NAME), bootServer(o.get(DhcpOptionCodes.POLYCOM_PROVISIONING_URL)),
                hex(o.get(DhcpOptionCodes.VENDOR_SPECIFIC)), at, Duration.between(question.at(), at)));
        return true;
    }

    synchronized List<DhcpProbeReply> replies() {
        return List.copyOf(replies);
    }

    /**
     * Option 160 is a string by default, but a phone can be told to read it as an IP address
     * ({@code device.dhcp.bootSrvOptType}, polycom-provisioning.md §1.3): four unprintable bytes
     * are shown as the address they encode.
     */
    static String bootServer(byte[] raw) {
        if (raw == null) {
            return null;
        }
        boolean printable = true;
        for (byte b : raw) {
            printable &= b == 0 || (b >= 0x20 && b < 0x7F);
        }
        if (raw.length == 4 && !printable) {
            return Ipv4Address.fromBytes(raw, 0).toString();
        }
        int end = raw.length;
        while (end > 0 && raw[end - 1] == 0) {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static String hex(byte[] raw) {
        return raw == null ? null : HexFormat.of().formatHex(raw);
    }

    private static int uint32(byte[] b) {
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }
}
