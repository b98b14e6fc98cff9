package org.ztpbox.core;

import java.util.Optional;

/**
 * Which phone is behind a client address. TFTP carries no client identity at all, and a phone
 * asks for its shared files by names that hold no MAC: this lets a transfer be put on the right
 * phone's timeline. Thread-safe and cheap enough to ask per request.
 */
public interface ClientDirectory {

    Optional<MacAddress> macOf(Ipv4Address address);

    static ClientDirectory none() {
        return address -> Optional.empty();
    }
}
