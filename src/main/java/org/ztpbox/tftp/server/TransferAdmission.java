package org.ztpbox.tftp.server;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cap on concurrent transfers, fair per client address. A request starts at once when both
 * the total and its client's count are under their caps; otherwise it waits, up to a bounded number
 * of waiting requests. Freed slots go round-robin over the waiting client addresses, so one phone
 * with many requests cannot starve the others in a boot storm. Single-threaded: the listener's
 * event loop owns it.
 */
final class TransferAdmission<T> {

    enum Decision { STARTED, WAITING, REFUSED }

    private final int maxActive;
    private final int maxPerClient;
    private final int maxWaiting;
    private final Map<InetAddress, Integer> activeByClient = new HashMap<>();
    private final LinkedHashMap<InetAddress, ArrayDeque<T>> waiting = new LinkedHashMap<>();
    private int active;
    private int waitingCount;

    TransferAdmission(int maxActive, int maxPerClient, int maxWaiting) {
        if (maxActive < 1 || maxPerClient < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("caps must be positive");
        }
        this.maxActive = maxActive;
        this.maxPerClient = maxPerClient;
        this.maxWaiting = maxWaiting;
    }

    Decision offer(InetAddress client, T item) {
        if (hasRoomFor(client)) {
            take(client);
            return Decision.STARTED;
        }
        if (waitingCount >= maxWaiting) {
            return Decision.REFUSED;
        }
        waiting.computeIfAbsent(client, c -> new ArrayDeque<>()).add(item);
        waitingCount++;
        return Decision.WAITING;
    }

    /** Frees a finished transfer's slot; returns the waiting items that start now (their slots taken). */
    List<T> release(InetAddress client) {
        int count = activeByClient.getOrDefault(client, 0);
        if (count <= 0) {
            throw new IllegalStateException("no transfer of " + client + " to release");
        }
        if (count == 1) {
            activeByClient.remove(client);
        } else {
            activeByClient.put(client, count - 1);
        }
        active--;
        return startWaiting();
    }

    /** Removes an item that waited too long; false when it has started meanwhile. */
    boolean withdraw(InetAddress client, T item) {
        ArrayDeque<T> queue = waiting.get(client);
        if (queue == null || !queue.remove(item)) {
            return false;
        }
        waitingCount--;
        if (queue.isEmpty()) {
            waiting.remove(client);
        }
        return true;
    }

    private List<T> startWaiting() {
        List<T> started = new ArrayList<>();
        boolean progress = true;
        while (active < maxActive && progress) {
            progress = false;
            Iterator<Map.Entry<InetAddress, ArrayDeque<T>>> it = waiting.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<InetAddress, ArrayDeque<T>> entry = it.next();
                if (hasRoomFor(entry.getKey())) {
                    started.add(entry.getValue().poll());
                    waitingCount--;
                    take(entry.getKey());
                    it.remove();
                    if (!entry.getValue().isEmpty()) {
                        waiting.put(entry.getKey(), entry.getValue()); // to the back of the round
                    }
                    progress = true;
                    break;
                }
            }
        }
        return started;
    }

    private boolean hasRoomFor(InetAddress client) {
        return active < maxActive && activeByClient.getOrDefault(client, 0) < maxPerClient;
    }

    private void take(InetAddress client) {
        active++;
        activeByClient.merge(client, 1, Integer::sum);
    }

    int active() {
        return active;
    }

    int waiting() {
        return waitingCount;
    }
}
