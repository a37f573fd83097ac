package org.vertogw.testing;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Lets a UDP-only browser stand-in reach the gateway over ICE-TCP, as an active TCP candidate would (RFC 6544):
 * each datagram it sends here goes over one TCP connection to the gateway's ICE-TCP port behind a two-byte length
 * (RFC 4571 §2, written here independently of the gateway's framer), and each frame that comes back is sent to it
 * as a datagram. ICE, DTLS and SRTP are the stand-in's; only the path is TCP. Two blocking threads, so that a
 * benchmark measuring the relay's thread does not count the bridge.
 */
public final class IceTcpBridge implements AutoCloseable {

    private final DatagramSocket udp;
    private final InetSocketAddress gateway;
    private volatile Socket tcp;
    private volatile InetSocketAddress browser;

    public IceTcpBridge(int gatewayTcpPort) throws IOException {
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        gateway = new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayTcpPort);
        Thread up = new Thread(this::fromBrowser, "tcp-bridge-up-" + udp.getLocalPort());
        up.setDaemon(true);
        up.start();
    }

    /** Where the stand-in must send: the candidate its answer names. */
    public int udpPort() {
        return udp.getLocalPort();
    }

    /** The TCP connection's local end: the address the gateway sees the browser at, or null before it connects. */
    public InetSocketAddress tcpAddress() {
        Socket s = tcp;
        return s == null ? null : (InetSocketAddress) s.getLocalSocketAddress();
    }

    /** Ends the TCP connection, as a browser whose network went away would; later datagrams go nowhere. */
    public void closeTcp() throws IOException {
        Socket s = tcp;
        if (s != null) {
            s.close();
        }
    }

    private void fromBrowser() {
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
                    Thread down = new Thread(() -> toBrowser(s), "tcp-bridge-down-" + udp.getLocalPort());
                    down.setDaemon(true);
                    down.start();
                }
                int n = p.getLength();
                frame[0] = (byte) (n >>> 8);
                frame[1] = (byte) n;
                System.arraycopy(buf, 0, frame, 2, n);
                tcp.getOutputStream().write(frame, 0, 2 + n);
            } catch (IOException e) {
                // the TCP connection was closed: later datagrams go nowhere, as on a dead network
            }
        }
    }

    private void toBrowser(Socket s) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
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
        closeTcp();
    }
}
