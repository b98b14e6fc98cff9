package org.ztpbox.http.routes;

import org.ztpbox.core.DeviceCertificates;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Transport;

/**
 * One request as the routes see it: no Netty types, so that routing is tested without a channel.
 *
 * @param target      the request-target exactly as received
 * @param certificate the client certificate's verdict on a mutual-TLS connection, or null without one
 */
public record Exchange(String method, String target, Headers headers, Ipv4Address client, Transport transport,
                       DeviceCertificates.Identification certificate) {

    /** Read access to the request headers (case-insensitive names). */
    @FunctionalInterface
    public interface Headers {
        /** The first value of the header, or null. */
        String get(String name);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
