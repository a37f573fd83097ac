package org.vertogw.media.dtls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;

/** A loopback UDP socket under a {@link DtlsTransport}: what it sends goes to the peer, what arrives is handed in. */
final class UdpDtlsLink implements DatagramOut, AutoCloseable {

    private final DatagramSocket socket;
    private volatile SocketAddress peer;
    private volatile DtlsTransport transport;

    UdpDtlsLink() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::read, "udp-dtls-link");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void connectTo(int port) {
        peer = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    void attach(DtlsTransport t) {
        transport = t;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        SocketAddress to = peer;
        if (to != null) {
            socket.send(new DatagramPacket(buf, off, len, to));
        }
    }

    private void read() {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            if (peer == null) {
                peer = p.getSocketAddress(); // a server learns its client from the first ClientHello
            }
            DtlsTransport t = transport;
            if (t != null) {
                t.receive(p.getData(), p.getOffset(), p.getLength());
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
