package org.ztpbox.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.ztpbox.tftp.TftpPacket;
import org.ztpbox.tftp.codec.TftpCodec;
import org.ztpbox.tftp.codec.TftpDecodeResult;

/**
 * A TFTP peer that sends exactly what a test says, for the cases no real client produces: broken
 * packets, names with NUL bytes, strangers on a transfer port, half-finished uploads.
 */
public final class RawTftpClient implements AutoCloseable {

    /** A received packet and the port (transfer ID) it came from. */
    public record Received(TftpPacket packet, InetSocketAddress from) {
    }

    private final TftpCodec codec = new TftpCodec();
    private final DatagramSocket socket;

    /** @param bind the local address, e.g. 127.0.0.2 to be another client on loopback */
    public RawTftpClient(String bind) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(bind), 0));
            socket.setSoTimeout(3000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void send(TftpPacket packet, InetSocketAddress to) {
        sendRaw(codec.encode(packet), to);
    }

    public void sendRaw(byte[] bytes, InetSocketAddress to) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next packet within {@code millis}, or null. Fails on anything undecodable. */
    public Received receive(int millis) {
        byte[] buffer = new byte[70_000];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout(millis);
            socket.receive(datagram);
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TftpDecodeResult result = codec.decode(Arrays.copyOf(buffer, datagram.getLength()));
        if (!(result instanceof TftpDecodeResult.Decoded decoded)) {
            throw new AssertionError("undecodable reply: " + result);
        }
        return new Received(decoded.packet(), (InetSocketAddress) datagram.getSocketAddress());
    }

    @Override
    public void close() {
        socket.close();
    }
}
