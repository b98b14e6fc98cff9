package org.ztpbox.http.server;

import io.netty.handler.codec.http.HttpVersion;
import java.time.Instant;

/** A request being answered, as far as the access log and the timeline need it. */
record ReceivedRequest(Instant at, String client, HttpVersion version, String method, String uri, String agent,
                       String referer, boolean keepAlive) {

    /** The request line, for the access log. */
    String line() {
        return method + " " + uri + " " + version.text();
    }

    boolean head() {
        return method.equals("HEAD");
    }
}
