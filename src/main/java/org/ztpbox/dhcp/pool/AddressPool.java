package org.ztpbox.dhcp.pool;

import java.util.BitSet;
import java.util.List;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Ipv4Range;

/**
 * The addresses of one or more ranges, indexed 0..size-1, with a bit per address that is (or
 * recently was) in use. A set bit may be stale (an offer or lease that has since expired); the
 * owner clears stale bits in its sweep. Allocation is next-fit from a cursor, so a pool hands out
 * addresses in order and finds a free one in amortised constant time.
 */
final class AddressPool {

    private final String name;
    private final List<Ipv4Range> ranges;
    private final long[] startIndex;
    private final int size;
    private final BitSet used;
    private int cursor;

    AddressPool(String name, List<Ipv4Range> ranges) {
        this.name = name;
        this.ranges = List.copyOf(ranges);
        this.startIndex = new long[ranges.size()];
        long total = 0;
        for (int i = 0; i < ranges.size(); i++) {
            startIndex[i] = total;
            total += ranges.get(i).size();
        }
        if (total > 1 << 24) {
            throw new IllegalArgumentException("pool " + name + " has " + total + " addresses; at most 16777216");
        }
        this.size = (int) total;
        this.used = new BitSet(size);
    }

    String name() {
        return name;
    }

    int size() {
        return size;
    }

    int usedCount() {
        return used.cardinality();
    }

    boolean contains(Ipv4Address address) {
        return indexOf(address) >= 0;
    }

    /** The index of {@code address}, or -1 when it is not in this pool. */
    int indexOf(Ipv4Address address) {
        for (int i = 0; i < ranges.size(); i++) {
            Ipv4Range range = ranges.get(i);
            if (range.contains(address)) {
                return (int) (startIndex[i] + address.unsigned() - range.first().unsigned());
            }
        }
        return -1;
    }

    Ipv4Address addressAt(int index) {
        for (int i = ranges.size() - 1; i >= 0; i--) {
            if (index >= startIndex[i]) {
                return ranges.get(i).first().plus(index - startIndex[i]);
            }
        }
        throw new IndexOutOfBoundsException(index);
    }

    void markUsed(Ipv4Address address) {
        int index = indexOf(address);
        if (index >= 0) {
            used.set(index);
        }
    }

    void markFree(Ipv4Address address) {
        int index = indexOf(address);
        if (index >= 0) {
            used.clear(index);
        }
    }

    /** The next address whose bit is clear, from the cursor on, wrapping once; null when none. */
    Ipv4Address nextFree() {
        if (size == 0) {
            return null;
        }
        int index = used.nextClearBit(cursor);
        if (index >= size) {
            index = used.nextClearBit(0);
            if (index >= size) {
                return null;
            }
        }
        cursor = index + 1 >= size ? 0 : index + 1;
        return addressAt(index);
    }
}
