package org.ztpbox.dhcp.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ztpbox.core.MacAddress;

/**
 * A token bucket per MAC, so that one client flooding the server cannot crowd out the others.
 * Remembers at most {@code maxClients} MACs (least recently seen forgotten first), so a flood of
 * random MACs costs bounded memory. Single-threaded: used from the DHCP event loop only.
 */
final class ClientRateLimiter {

    private final double ratePerNano;
    private final double burst;
    private final Map<MacAddress, double[]> buckets;

    ClientRateLimiter(int packetsPerSecond, int maxClients) {
        this.ratePerNano = packetsPerSecond / 1e9;
        this.burst = Math.max(2.0 * packetsPerSecond, 1);
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<MacAddress, double[]> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes one token for {@code mac}; false when its bucket is empty. */
    boolean tryAcquire(MacAddress mac, long nowNanos) {
        double[] bucket = buckets.get(mac); // {tokens, lastNanos}
        if (bucket == null) {
            buckets.put(mac, new double[] {burst - 1, nowNanos});
            return true;
        }
        double tokens = Math.min(burst, bucket[0] + (nowNanos - bucket[1]) * ratePerNano);
        bucket[1] = nowNanos;
        if (tokens < 1) {
            bucket[0] = tokens;
            return false;
        }
        bucket[0] = tokens - 1;
        return true;
    }
}
