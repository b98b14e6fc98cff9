package org.ztpbox.core;

/**
 * Who the DHCP probe pretends to be. Both personas send the same parameter request list from the
 * same MAC, so a server that answers them differently does so because of option 60: it has a
 * class (an ISC {@code class}, a dnsmasq {@code dhcp-vendorclass} tag) for Poly phones.
 */
public enum ProbePersona {
    /** A Poly phone: Polycom's binary option 60 (RFC 3925, enterprise 13885) of a real model. */
    PHONE,
    /** Any other client: no option 60. */
    GENERIC;

    /** As outputs spell it: {@code phone}, {@code generic}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
