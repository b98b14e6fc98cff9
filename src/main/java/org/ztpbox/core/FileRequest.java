package org.ztpbox.core;

/**
 * A request for a file, from any transport.
 *
 * @param name      the requested name relative to the provisioning root, '/'-separated, as received
 *                  (checked by {@link SafePaths} before use)
 * @param client    the client's address
 * @param phone     the requesting phone's MAC when known (from a lease, the path, a certificate), else null
 * @param userAgent the HTTP User-Agent, null for TFTP
 * @param identified true when {@code phone} is proven: a verified client certificate or per-phone
 *                   credentials. False when it was taken from what any client can claim or be given
 *                   (the path, the User-Agent, the client's address): enough to pick a file, not to be
 *                   handed a secret meant for that phone alone
 */
public record FileRequest(String name, Ipv4Address client, MacAddress phone, Transport transport, String userAgent,
        boolean identified) {

    /** A request whose phone, if any, is not proven (TFTP, or HTTP without certificate or per-phone account). */
    public FileRequest(String name, Ipv4Address client, MacAddress phone, Transport transport, String userAgent) {
        this(name, client, phone, transport, userAgent, false);
    }
}
