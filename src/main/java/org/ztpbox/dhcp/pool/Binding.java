package org.ztpbox.dhcp.pool;

import java.time.Instant;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Lease;
import org.ztpbox.core.MacAddress;

/**
 * The in-memory state of one address: mutable, and confined to the DHCP event-loop thread that
 * owns the {@link LeaseTable}.
 */
final class Binding {

    enum State { OFFERED, BOUND, RELEASED, DECLINED }

    final MacAddress mac;
    final Ipv4Address address;
    State state;
    long startsAtMillis;
    long expiresAtMillis;
    String hostname;
    String clientId;

    Binding(MacAddress mac, Ipv4Address address, State state, long startsAtMillis, long expiresAtMillis) {
        this.mac = mac;
        this.address = address;
        this.state = state;
        this.startsAtMillis = startsAtMillis;
        this.expiresAtMillis = expiresAtMillis;
    }

    /** True while nobody else may be given this address. */
    boolean holds(long nowMillis) {
        return state != State.RELEASED && expiresAtMillis > nowMillis;
    }

    Lease toLease() {
        Lease.LeaseState leaseState = switch (state) {
            case BOUND -> Lease.LeaseState.BOUND;
            case DECLINED -> Lease.LeaseState.DECLINED;
            case RELEASED, OFFERED -> Lease.LeaseState.RELEASED;
        };
        return new Lease(address, mac, leaseState, Instant.ofEpochMilli(startsAtMillis),
                Instant.ofEpochMilli(expiresAtMillis), hostname, clientId);
    }
}
