package org.ztpbox.core;

/** An inclusive range of IPv4 addresses, written {@code first-last}. */
public record Ipv4Range(Ipv4Address first, Ipv4Address last) {

    public Ipv4Range {
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("range start " + first + " is after its end " + last);
        }
    }

    /** Parses {@code a.b.c.d-e.f.g.h}. */
    public static Ipv4Range parse(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("not an address range (expected first-last): '" + text + "'");
        }
        return new Ipv4Range(Ipv4Address.parse(text.substring(0, dash)), Ipv4Address.parse(text.substring(dash + 1)));
    }

    public long size() {
        return last.unsigned() - first.unsigned() + 1;
    }

    public boolean contains(Ipv4Address address) {
        return address.compareTo(first) >= 0 && address.compareTo(last) <= 0;
    }

    public boolean overlaps(Ipv4Range other) {
        return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
