package org.ztpbox.core;

import java.util.Optional;

/**
 * Where configuration-file encryption meets the master configuration: the name of the file that
 * hands a phone its next encryption key, when one is due and may travel over this transport. The
 * master configuration lists it first in {@code CONFIG_FILES} for that phone. The first key only
 * ever travels over HTTPS, to a requester that proved to be the phone; a later key travels in a
 * file encrypted with the key before it.
 */
public interface KeyDelivery {

    /**
     * @param identified whether the requester proved to be {@code phone} (certificate or per-phone
     *                   credentials): the first key goes to nobody else, so without proof it is not listed
     */
    Optional<String> keyFileFor(MacAddress phone, Transport transport, boolean identified);

    /**
     * Changes whenever {@link #keyFileFor} may answer differently (a key rotated, a key delivered),
     * so that a cache of generated master configurations knows when to rebuild.
     */
    default long generation() {
        return 0;
    }

    /** No encryption configured: no key file for anyone. */
    static KeyDelivery none() {
        return (phone, transport, identified) -> Optional.empty();
    }
}
