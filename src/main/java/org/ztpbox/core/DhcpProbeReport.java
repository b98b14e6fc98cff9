package org.ztpbox.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one run of the phone-emulating DHCP probe saw: every answer within the window, and what was
 * sent. Plain data, so that diagnosis reads it without knowing DHCP's wire format.
 *
 * @param interfaceName the interface probed
 * @param clientAddress the address the INFORMs carried (this box's on the interface), or null when
 *                      none was sent
 * @param probeMac      the locally administered MAC the probe used (see {@link #isProbeMac})
 * @param phoneModel    option 60 model of the phone persona, e.g. {@code VVX-VVX_410}
 * @param phoneFirmware option 60 application version of the phone persona
 * @param sent          one line per message sent, e.g. {@code DISCOVER as phone, xid 5a1c02e1}
 * @param notes         what the probe could not do and why
 */
public record DhcpProbeReport(String interfaceName, Ipv4Address clientAddress, MacAddress probeMac, String phoneModel,
                              String phoneFirmware, Instant startedAt, Duration window, List<String> sent,
                              List<DhcpProbeReply> replies, List<String> notes) {

    /** The probe's MACs start 02:5a:54 ("ZT", locally administered), so its own traffic is recognisable. */
    public static final int PROBE_OUI = 0x025A54;

    public DhcpProbeReport {
        sent = List.copyOf(sent);
        replies = List.copyOf(replies);
        notes = List.copyOf(notes);
    }

    /** True for a MAC the probe uses: events about it are the probe's, not a client's. */
    public static boolean isProbeMac(MacAddress mac) {
        return mac != null && mac.oui() == PROBE_OUI;
    }
}
