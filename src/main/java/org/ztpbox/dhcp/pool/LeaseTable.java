package org.ztpbox.dhcp.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Lease;
import org.ztpbox.core.MacAddress;

/**
 * Who holds which address, in memory: the DHCP engine's working state. Confined to one thread
 * (the DHCP channel's event loop); the store holds the durable copy, written by the engine's
 * intents, and {@link #load} rebuilds this table from it at start.
 *
 * <p>Address choice follows RFC 2131 §4.3.1: the client's reservation, else its current or
 * previous address, else the address it asks for, else the next free one of its pool.
 */
public final class LeaseTable {

    private final Map<String, AddressPool> pools = new LinkedHashMap<>();
    private final Map<MacAddress, Ipv4Address> reservationsByMac = new HashMap<>();
    private final Map<Ipv4Address, MacAddress> reservationsByAddress = new HashMap<>();
    private final Map<MacAddress, Binding> byMac = new HashMap<>();
    private final Map<Ipv4Address, Binding> byAddress = new HashMap<>();
    private final ArrayDeque<Binding> offersByAge = new ArrayDeque<>();
    private long lastSweepMillis;

    /**
     * @param pools        pool name to its ranges; {@link #DEFAULT_POOL} is the subnet's pool
     * @param reservations fixed MAC to address assignments, never given to anyone else
     */
    public LeaseTable(Map<String, List<org.ztpbox.core.Ipv4Range>> pools, Map<MacAddress, Ipv4Address> reservations) {
        pools.forEach((name, ranges) -> this.pools.put(name, new AddressPool(name, ranges)));
        reservations.forEach((mac, address) -> {
            reservationsByMac.put(mac, address);
            reservationsByAddress.put(address, mac);
            this.pools.values().forEach(pool -> pool.markUsed(address));
        });
    }

    public static final String DEFAULT_POOL = "";

    /** Rebuilds the table from the store's leases, as they stand at {@code now}. */
    public void load(Collection<Lease> leases, Instant now) {
        for (Lease lease : leases) {
            Binding.State state = switch (lease.state()) {
                case BOUND -> Binding.State.BOUND;
                case RELEASED -> Binding.State.RELEASED;
                case DECLINED -> Binding.State.DECLINED;
            };
            Binding binding = new Binding(lease.mac(), lease.address(), state, lease.startsAt().toEpochMilli(),
                    lease.expiresAt().toEpochMilli());
            binding.hostname = lease.hostname();
            binding.clientId = lease.clientId();
            byAddress.put(lease.address(), binding);
            if (state != Binding.State.DECLINED) {
                Binding previous = byMac.get(lease.mac());
                if (previous == null || previous.startsAtMillis < binding.startsAtMillis) {
                    byMac.put(lease.mac(), binding);
                }
            }
            if (binding.holds(now.toEpochMilli())) {
                markUsed(lease.address());
            }
        }
    }

    public Ipv4Address reservationOf(MacAddress mac) {
        return reservationsByMac.get(mac);
    }

    /** The client's current binding (any state) as a lease, or null. */
    public Lease bindingOf(MacAddress mac) {
        Binding binding = current(mac);
        return binding == null ? null : binding.toLease();
    }

    /** True when {@code mac} is bound or offered {@code address} right now. */
    public boolean holds(MacAddress mac, Ipv4Address address, Instant now) {
        Binding binding = current(mac);
        return binding != null && binding.address.equals(address) && binding.holds(now.toEpochMilli())
                && binding.state != Binding.State.DECLINED;
    }

    /** The MAC holding {@code address} right now, or null when it is free. */
    public MacAddress holderOf(Ipv4Address address, Instant now) {
        Binding binding = byAddress.get(address);
        return binding != null && binding.holds(now.toEpochMilli()) ? binding.mac : null;
    }

    /** The client's binding, if the table still considers it the client's (nobody took the address since). */
    private Binding current(MacAddress mac) {
        Binding binding = byMac.get(mac);
        if (binding != null && byAddress.get(binding.address) != binding) {
            byMac.remove(mac);
            return null;
        }
        return binding;
    }

    /**
     * True when {@code address} may be given to {@code mac} now: it is the client's reservation,
     * or it is in the client's pool, reserved for nobody else, and free or already the client's.
     */
    public boolean assignable(MacAddress mac, Ipv4Address address, String poolName, Instant now) {
        Ipv4Address reserved = reservationsByMac.get(mac);
        if (reserved != null) {
            return reserved.equals(address) && !heldByOther(mac, address, now);
        }
        AddressPool pool = pools.get(poolName);
        return pool != null && pool.contains(address) && !reservationsByAddress.containsKey(address)
                && !heldByOther(mac, address, now);
    }

    private boolean heldByOther(MacAddress mac, Ipv4Address address, Instant now) {
        MacAddress holder = holderOf(address, now);
        if (holder == null) {
            return false;
        }
        Binding binding = byAddress.get(address);
        return !holder.equals(mac) || binding.state == Binding.State.DECLINED;
    }

    /**
     * Chooses the address to offer (RFC 2131 §4.3.1), or null when the pool has none left. Does not
     * change the table; {@link #offer} does.
     */
    public Ipv4Address choose(MacAddress mac, Ipv4Address requested, String poolName, Instant now) {
        Ipv4Address reserved = reservationsByMac.get(mac);
        if (reserved != null) {
            return heldByOther(mac, reserved, now) ? null : reserved;
        }
        Binding binding = current(mac);
        if (binding != null && binding.state != Binding.State.DECLINED
                && assignable(mac, binding.address, poolName, now)) {
            return binding.address;
        }
        if (requested != null && assignable(mac, requested, poolName, now)) {
            return requested;
        }
        AddressPool pool = pools.get(poolName);
        return pool == null ? null : allocate(pool, mac, now);
    }

    private Ipv4Address allocate(AddressPool pool, MacAddress mac, Instant now) {
        Ipv4Address address = nextTrulyFree(pool, now);
        if (address == null && now.toEpochMilli() - lastSweepMillis >= 1000) {
            sweep(now);
            address = nextTrulyFree(pool, now);
        }
        if (address == null) {
            address = reclaimOldestOffer(pool, mac, now);
        }
        return address;
    }

    /** Skips set bits only; a clear bit whose address turns out held (e.g. loaded late) is marked and skipped. */
    private Ipv4Address nextTrulyFree(AddressPool pool, Instant now) {
        for (int tries = 0; tries < 64; tries++) {
            Ipv4Address candidate = pool.nextFree();
            if (candidate == null) {
                return null;
            }
            if (holderOf(candidate, now) == null && !reservationsByAddress.containsKey(candidate)) {
                return candidate;
            }
            pool.markUsed(candidate);
        }
        return null;
    }

    /** Under a flood of DISCOVERs an offer nobody took is the cheapest address to give back. */
    private Ipv4Address reclaimOldestOffer(AddressPool pool, MacAddress mac, Instant now) {
        for (int i = offersByAge.size(); i > 0; i--) {
            Binding oldest = offersByAge.pollFirst();
            if (oldest.state == Binding.State.OFFERED && byAddress.get(oldest.address) == oldest
                    && !oldest.mac.equals(mac)) {
                if (pool.contains(oldest.address)) {
                    byAddress.remove(oldest.address);
                    return oldest.address;
                }
                offersByAge.addLast(oldest);
            }
        }
        return null;
    }

    /** Holds {@code address} for {@code mac} for {@code hold}, as an offer. */
    public void offer(MacAddress mac, Ipv4Address address, Duration hold, Instant now) {
        Binding existing = current(mac);
        long until = now.toEpochMilli() + hold.toMillis();
        if (existing != null && existing.address.equals(address) && existing.state == Binding.State.BOUND
                && existing.holds(now.toEpochMilli())) {
            return; // a bound client that DISCOVERs again keeps its lease as it is
        }
        Binding binding = new Binding(mac, address, Binding.State.OFFERED, now.toEpochMilli(), until);
        put(binding);
        offersByAge.addLast(binding);
    }

    /** Binds {@code address} to {@code mac} and returns the lease to persist before acknowledging. */
    public Lease bind(MacAddress mac, Ipv4Address address, Duration leaseTime, String hostname, String clientId,
                      Instant now) {
        Binding binding = new Binding(mac, address, Binding.State.BOUND, now.toEpochMilli(),
                now.toEpochMilli() + leaseTime.toMillis());
        binding.hostname = hostname;
        binding.clientId = clientId;
        put(binding);
        return binding.toLease();
    }

    /** The client gave the address back (RFC 2131 §4.4.6); returns the lease to persist, or null if it held none. */
    public Lease release(MacAddress mac, Ipv4Address address, Instant now) {
        Binding binding = current(mac);
        if (binding == null || !binding.address.equals(address) || binding.state != Binding.State.BOUND) {
            return null;
        }
        binding.state = Binding.State.RELEASED;
        binding.expiresAtMillis = now.toEpochMilli();
        markFree(address);
        return binding.toLease();
    }

    /**
     * The client found the address in use (RFC 2131 §4.3.3): quarantine it for everyone. Returns
     * the lease to persist, or null when the client was not given that address.
     */
    public Lease decline(MacAddress mac, Ipv4Address address, Duration quarantine, Instant now) {
        Binding binding = current(mac);
        if (binding == null || !binding.address.equals(address)) {
            return null;
        }
        Binding declined = new Binding(mac, address, Binding.State.DECLINED, now.toEpochMilli(),
                now.toEpochMilli() + quarantine.toMillis());
        byAddress.put(address, declined);
        byMac.remove(mac);
        markUsed(address);
        return declined.toLease();
    }

    /** Drops the client's pending offer (it chose another server). */
    public void withdrawOffer(MacAddress mac) {
        Binding binding = current(mac);
        if (binding != null && binding.state == Binding.State.OFFERED) {
            byAddress.remove(binding.address);
            byMac.remove(mac);
            markFree(binding.address);
        }
    }

    /** Frees the bits of expired offers and leases, and forgets offers nobody took. */
    public void sweep(Instant now) {
        long nowMillis = now.toEpochMilli();
        lastSweepMillis = nowMillis;
        List<Ipv4Address> expiredOffers = new ArrayList<>();
        for (Binding binding : byAddress.values()) {
            if (!binding.holds(nowMillis)) {
                markFree(binding.address);
                if (binding.state == Binding.State.OFFERED) {
                    expiredOffers.add(binding.address);
                }
            }
        }
        for (Ipv4Address address : expiredOffers) {
            Binding binding = byAddress.remove(address);
            if (byMac.get(binding.mac) == binding) {
                byMac.remove(binding.mac);
            }
        }
        offersByAge.removeIf(b -> b.state != Binding.State.OFFERED || byAddress.get(b.address) != b);
    }

    /** Addresses in use against pool size, per pool. */
    public Map<String, int[]> usage() {
        Map<String, int[]> out = new LinkedHashMap<>();
        pools.forEach((name, pool) -> out.put(name, new int[] {pool.usedCount(), pool.size()}));
        return out;
    }

    private void put(Binding binding) {
        Binding previous = current(binding.mac);
        if (previous != null && !previous.address.equals(binding.address)) {
            byAddress.remove(previous.address);
            markFree(previous.address);
        }
        byAddress.put(binding.address, binding);
        byMac.put(binding.mac, binding);
        markUsed(binding.address);
    }

    private void markUsed(Ipv4Address address) {
        for (AddressPool pool : pools.values()) {
            pool.markUsed(address);
        }
    }

    private void markFree(Ipv4Address address) {
        if (reservationsByAddress.containsKey(address)) {
            return;
        }
        for (AddressPool pool : pools.values()) {
            pool.markFree(address);
        }
    }
}
