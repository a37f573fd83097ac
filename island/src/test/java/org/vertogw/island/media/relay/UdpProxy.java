package org.vertogw.island.media.relay;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP hop between a browser stand-in and the gateway's shared port. From the browser side it forwards every
 * datagram; for SRTP it first sends a copy with its last byte flipped (must fail authentication), then the
 * original, then the original again (must be refused as a replay).
 */
final class UdpProxy implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress gateway;
    private final Thread thread;
    private volatile InetSocketAddress browser;
    volatile boolean attack;
    final AtomicInteger tampered = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();

    UdpProxy(int gatewayPort) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        gateway = new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayPort);
        thread = new Thread(this::run, "udp-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void run() {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
                if (from.equals(gateway)) {
                    if (browser != null) {
                        socket.send(new DatagramPacket(p.getData(), p.getLength(), browser));
                    }
                    continue;
                }
                browser = from;
                byte[] d = Arrays.copyOf(p.getData(), p.getLength());
                boolean rtp = (d[0] & 0xC0) == 0x80 && (d[1] & 0x7F) < 64;
                if (attack && rtp) {
                    byte[] bad = d.clone();
                    bad[bad.length - 1] ^= 0x01;
                    socket.send(new DatagramPacket(bad, bad.length, gateway));
                    tampered.incrementAndGet();
                }
                socket.send(new DatagramPacket(d, d.length, gateway));
                if (attack && rtp) {
                    socket.send(new DatagramPacket(d, d.length, gateway));
                    replayed.incrementAndGet();
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
