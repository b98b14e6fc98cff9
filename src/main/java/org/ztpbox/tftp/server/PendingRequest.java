package org.ztpbox.tftp.server;

import java.net.InetSocketAddress;
import java.time.Instant;
import org.ztpbox.tftp.TftpRequest;

/**
 * A request accepted for processing, with the client's transfer ID (address and port, RFC 1350 §4)
 * and when it arrived (wall clock for events, nanoTime for durations).
 */
record PendingRequest(TftpRequest request, InetSocketAddress client, Instant receivedAt, long receivedNanos) {
}
