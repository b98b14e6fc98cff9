package org.ztpbox.core;

/** An IPv4 network in CIDR form, such as {@code 192.168.1.0/24}. */
public record Ipv4Subnet(Ipv4Address network, int prefixLength) {

    public Ipv4Subnet {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0-32: " + prefixLength);
        }
        if ((network.bits() & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException(network + "/" + prefixLength
                    + " has host bits set; the network is " + new Ipv4Address(network.bits() & mask(prefixLength))
                    + "/" + prefixLength);
        }
    }

    /** Parses {@code a.b.c.d/n}. */
    public static Ipv4Subnet parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a subnet (expected a.b.c.d/n): '" + text + "'");
        }
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a subnet (bad prefix length): '" + text + "'");
        }
        return new Ipv4Subnet(Ipv4Address.parse(text.substring(0, slash)), prefix);
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public Ipv4Address netmask() {
        return new Ipv4Address(mask(prefixLength));
    }

    public Ipv4Address broadcast() {
        return new Ipv4Address(network.bits() | ~mask(prefixLength));
    }

    public boolean contains(Ipv4Address address) {
        return (address.bits() & mask(prefixLength)) == network.bits();
    }

    /** True for an address a host may hold: inside, and neither the network nor the broadcast address. */
    public boolean isHostAddress(Ipv4Address address) {
        if (!contains(address)) {
            return false;
        }
        return prefixLength >= 31 || (address.bits() != network.bits() && address.bits() != broadcast().bits());
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
