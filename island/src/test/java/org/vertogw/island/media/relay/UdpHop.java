package org.vertogw.island.media.relay;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * A UDP hop on loopback in front of one of the gateway's ports, for tests that need to see, hold or alter what crosses
 * it. The endpoint that sends to the hop is the near side; datagrams from the gateway go back to the last near sender.
 */
abstract class UdpHop implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress gateway;
    private volatile InetSocketAddress near;

    UdpHop(int gatewayPort, String threadName) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        gateway = new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayPort);
        // started before a subclass's fields are set, which is safe: nothing reaches the hop before port() is read
        Thread thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** The port the near side sends to. */
    final int port() {
        return socket.getLocalPort();
    }

    /** A datagram from the near side (a copy); passed on to the gateway unless a hop does otherwise. */
    void fromNear(byte[] d) throws IOException {
        toGateway(d);
    }

    /** A datagram from the gateway (a copy), once a near side is known; passed back unless a hop does otherwise. */
    void fromGateway(byte[] d) throws IOException {
        toNear(d);
    }

    final void toGateway(byte[] d) throws IOException {
        socket.send(new DatagramPacket(d, d.length, gateway));
    }

    final void toNear(byte[] d) throws IOException {
        socket.send(new DatagramPacket(d, d.length, near));
    }

    private void run() {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                byte[] d = Arrays.copyOf(p.getData(), p.getLength());
                if (!p.getSocketAddress().equals(gateway)) {
                    near = (InetSocketAddress) p.getSocketAddress();
                    fromNear(d);
                } else if (near != null) {
                    fromGateway(d);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
