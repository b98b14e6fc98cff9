package org.ztpbox.lab;

/** A UDP datagram taken from a capture: addresses, ports and payload. */
public record UdpDatagram(String source, int sourcePort, String destination, int destinationPort, byte[] payload) {
}
