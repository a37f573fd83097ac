package org.vertogw.bench.relay;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Carries a synthetic browser's datagrams over one TCP connection to the gateway's ICE-TCP port, as RFC 4571
 * frames, and the frames back as datagrams: the browser's ICE, DTLS and SRTP are its own, the gateway sees an
 * ICE-TCP connection (RFC 6544). Two blocking threads per call, outside the relay's thread that is measured.
 */
final class TcpBridge implements AutoCloseable {

    private final DatagramSocket udp;
    private final InetSocketAddress gateway;
    private volatile Socket tcp;
    private volatile InetSocketAddress browser;

    TcpBridge(int gatewayTcpPort) throws IOException {
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        gateway = new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayTcpPort);
        Thread up = new Thread(this::up, "bridge-up-" + udp.getLocalPort());
        up.setDaemon(true);
        up.start();
    }

    int udpPort() {
        return udp.getLocalPort();
    }

    private void up() {
        byte[] buf = new byte[2048];
        byte[] frame = new byte[2 + buf.length];
        while (!udp.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
                browser = (InetSocketAddress) p.getSocketAddress();
                if (tcp == null) {
                    Socket s = new Socket();
                    s.setTcpNoDelay(true);
                    s.connect(gateway, 5000);
                    tcp = s;
                    Thread down = new Thread(() -> down(s), "bridge-down-" + udp.getLocalPort());
                    down.setDaemon(true);
                    down.start();
                }
                int n = p.getLength();
                frame[0] = (byte) (n >>> 8);
                frame[1] = (byte) n;
                System.arraycopy(buf, 0, frame, 2, n);
                OutputStream out = tcp.getOutputStream();
                out.write(frame, 0, 2 + n);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void down(Socket s) {
        try {
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(s.getInputStream()));
            byte[] body = new byte[65535];
            while (true) {
                int n = in.readUnsignedShort();
                in.readFully(body, 0, n);
                udp.send(new DatagramPacket(body, n, browser));
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        Socket s = tcp;
        if (s != null) {
            s.close();
        }
    }
}
