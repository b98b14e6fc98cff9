package org.ztpbox.core;

import java.time.Instant;

/**
 * The durable record of one address: who holds it, in which state, until when.
 *
 * <p>The store keeps at most one lease per address, which is how "never the same address to two
 * clients" is enforced at rest. {@code hostname} and {@code clientId} may be null.
 */
public record Lease(Ipv4Address address, MacAddress mac, LeaseState state, Instant startsAt, Instant expiresAt,
                    String hostname, String clientId) {

    public enum LeaseState {
        /** Acknowledged to the client; held until {@code expiresAt}. */
        BOUND,
        /** Given back by the client; the address is free, remembered as the client's previous one. */
        RELEASED,
        /** Declined by the client as already in use; held unused until {@code expiresAt}. */
        DECLINED
    }

    public boolean isActiveAt(Instant now) {
        return state != LeaseState.RELEASED && expiresAt.isAfter(now);
    }
}
