package org.ztpbox.core;

import java.util.concurrent.CompletableFuture;

/**
 * Durable lease writes. The returned future completes once the lease is committed to stable
 * storage, and only then may the server acknowledge it to the client.
 */
public interface LeaseJournal {

    CompletableFuture<Void> persist(Lease lease);
}
