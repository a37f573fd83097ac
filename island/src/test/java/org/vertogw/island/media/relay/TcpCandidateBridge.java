package org.vertogw.island.media.relay;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

/**
 * Lets a UDP-only browser stand-in reach the gateway over ICE-TCP, as an active TCP candidate would (RFC 6544):
 * each datagram it sends here goes over one TCP connection to the gateway's ICE-TCP port behind a two-byte length
 * (RFC 4571, written here independently of the gateway's framer), and each frame that comes back is sent to it as a
 * datagram. ICE, DTLS and SRTP are the stand-in's; only the path is TCP.
 */
final class TcpCandidateBridge implements AutoCloseable {

    private final DatagramSocket udp;
    private final InetSocketAddress gateway;
    private final Thread thread;
    private volatile Socket tcp;
    private volatile InetSocketAddress browser;

    TcpCandidateBridge(int gatewayTcpPort) throws SocketException {
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        gateway = new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayTcpPort);
        thread = new Thread(this::fromBrowser, "tcp-bridge-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where the stand-in must send: the candidate its answer names. */
    int udpPort() {
        return udp.getLocalPort();
    }

    /** The TCP connection's local end: the address the gateway sees the browser at. */
    InetSocketAddress tcpAddress() {
        Socket s = tcp;
        return s == null ? null : (InetSocketAddress) s.getLocalSocketAddress();
    }

    /** Ends the TCP connection, as a browser whose network went away would. */
    void closeTcp() throws IOException {
        Socket s = tcp;
        if (s != null) {
            s.close();
        }
    }

    private void fromBrowser() {
        byte[] buf = new byte[2048];
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
                    Thread down = new Thread(() -> toBrowser(s), "tcp-bridge-down");
                    down.setDaemon(true);
                    down.start();
                }
                OutputStream out = tcp.getOutputStream();
                int n = p.getLength();
                byte[] frame = new byte[2 + n];
                frame[0] = (byte) (n >>> 8);
                frame[1] = (byte) n;
                System.arraycopy(p.getData(), 0, frame, 2, n);
                out.write(frame);
            } catch (IOException e) {
                // the TCP connection was closed: later datagrams go nowhere, as on a dead network
            }
        }
    }

    private void toBrowser(Socket s) {
        try {
            DataInputStream in = new DataInputStream(s.getInputStream());
            while (true) {
                int n = in.readUnsignedShort();
                byte[] body = in.readNBytes(n);
                if (body.length < n) {
                    return;
                }
                udp.send(new DatagramPacket(body, n, browser));
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        closeTcp();
    }
}
