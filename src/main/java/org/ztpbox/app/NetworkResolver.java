package org.ztpbox.app;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import org.ztpbox.config.ConfigException;
import org.ztpbox.config.ConfigException.ConfigProblem;
import org.ztpbox.config.NetworkConfig;
import org.ztpbox.core.Ipv4Address;

/**
 * Fills in what {@code network} leaves to the machine: the interface (the first that is up, not
 * loopback, with IPv4) and the appliance's address on it.
 */
final class NetworkResolver {

    /** The interface and address the appliance serves. */
    record Resolved(String interfaceName, Ipv4Address address) {
    }

    private NetworkResolver() {
    }

    static Resolved resolve(NetworkConfig network) {
        try {
            NetworkInterface nic = network.interfaceName() != null ? byName(network.interfaceName()) : firstUsable();
            if (network.address() != null) {
                return new Resolved(nic.getName(), network.address());
            }
            Ipv4Address address = firstIpv4(nic);
            if (address == null) {
                throw problem("network.address", "interface " + nic.getName()
                        + " has no IPv4 address; give it one or set network.address");
            }
            return new Resolved(nic.getName(), address);
        } catch (SocketException e) {
            throw problem("network.interface", "cannot list network interfaces: " + e.getMessage());
        }
    }

    private static NetworkInterface byName(String name) throws SocketException {
        NetworkInterface nic = NetworkInterface.getByName(name);
        if (nic == null) {
            throw problem("network.interface", "no interface named '" + name + "' on this machine (have: "
                    + names() + ")");
        }
        return nic;
    }

    private static NetworkInterface firstUsable() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback() && firstIpv4(nic) != null) {
                return nic;
            }
        }
        throw problem("network.interface", "no interface is up with an IPv4 address; set network.interface (have: "
                + names() + ")");
    }

    private static Ipv4Address firstIpv4(NetworkInterface nic) {
        for (InterfaceAddress address : nic.getInterfaceAddresses()) {
            InetAddress inet = address.getAddress();
            if (inet instanceof Inet4Address) {
                return Ipv4Address.fromBytes(inet.getAddress(), 0);
            }
        }
        return null;
    }

    private static String names() throws SocketException {
        return String.join(", ", Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .map(NetworkInterface::getName).sorted().toList());
    }

    private static ConfigException problem(String key, String message) {
        return new ConfigException("network", List.of(new ConfigProblem(key, 0, message)));
    }
}
