package org.ztpbox.dhcp.engine;

import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Lease;
import org.ztpbox.dhcp.DhcpMessage;

/**
 * What the engine decided for one request: the reply and where to send it (or none), the lease
 * change to persist (the reply waits for it), and a short note for the event log.
 *
 * @param reply    null for silence
 * @param lease    null when nothing changes durably
 * @param note     why, in a few words ("offered", "other server chosen", "not a phone")
 */
public record DhcpOutcome(DhcpMessage reply, Ipv4Address target, int targetPort, Lease lease, String note,
                          Classification classification) {

    /** The note of a DISCOVER that found no free address. */
    public static final String POOL_EXHAUSTED = "pool exhausted";

    static DhcpOutcome silent(String note, Classification classification) {
        return new DhcpOutcome(null, null, 0, null, note, classification);
    }

    static DhcpOutcome persistOnly(Lease lease, String note, Classification classification) {
        return new DhcpOutcome(null, null, 0, lease, note, classification);
    }

    public boolean replies() {
        return reply != null;
    }
}
