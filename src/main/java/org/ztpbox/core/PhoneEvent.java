package org.ztpbox.core;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened between a client and one of the appliance's services: a DHCP message
 * seen or sent, a file fetched, an upload stored. The timeline of a phone is its events in order.
 *
 * @param mac     the client's MAC when known, else null
 * @param source  the protocol that saw it: {@code dhcp}, {@code tftp}, {@code http}; or {@code provisioning}
 *                for what happened to a phone's generated configuration
 * @param type    what happened, e.g. {@code DISCOVER}, {@code ACK}, {@code GET}
 * @param details protocol-specific facts as ordered key/value text (server identifier, vendor
 *                class, requested options...), never secrets
 */
public record PhoneEvent(Instant at, MacAddress mac, String source, String type, Map<String, String> details) {

    public PhoneEvent {
        details = Map.copyOf(details);
    }

    public String detail(String key) {
        return details.get(key);
    }
}
