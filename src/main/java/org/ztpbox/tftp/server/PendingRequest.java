package org.ztpbox.tftp.server;

import java.net.InetSocketAddress;
import java.time.Instant;
import org.ztpbox.core.MacAddress;
import org.ztpbox.tftp.TftpRequest;

/**
 * A request accepted for processing, with the client's transfer ID (address and port, RFC 1350 §4)
 * and when it arrived (wall clock for events, nanoTime for durations). {@code phone} is the
 * requesting phone's MAC when the file name or the client's address tells it, else null.
 */
record PendingRequest(TftpRequest request, InetSocketAddress client, MacAddress phone, Instant receivedAt,
                      long receivedNanos) {
}
