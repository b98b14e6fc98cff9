package org.ztpbox.core;

/**
 * A request for a file, from any transport.
 *
 * @param name      the requested name relative to the provisioning root, '/'-separated, as received
 *                  (checked by {@link SafePaths} before use)
 * @param client    the client's address
 * @param phone     the requesting phone's MAC when known (from a lease, the path, a certificate), else null
 * @param userAgent the HTTP User-Agent, null for TFTP
 */
public record FileRequest(String name, Ipv4Address client, MacAddress phone, Transport transport, String userAgent) {
}
