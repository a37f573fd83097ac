package org.vertogw.media.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/**
 * Binds island-leg sockets inside a configured port range (like FreeSWITCH's rtp-start-port/rtp-end-port, so a
 * firewall can open exactly that range), trying each port once from a rotating start; 0/0 means any port.
 */
public final class PortRange {

    private final int min;
    private final int max;
    private int next;

    public PortRange(int min, int max) {
        if (min < 0 || max > 65535 || min > max || (min == 0) != (max == 0)) {
            throw new IllegalArgumentException("port range " + min + "-" + max + " is not 0/0 or 1..65535 ascending");
        }
        this.min = min;
        this.max = max;
        this.next = min;
    }

    public synchronized UdpSocket open(MediaLoop loop, java.net.InetAddress bind, DatagramHandler handler)
            throws IOException {
        if (min == 0) {
            return loop.open(new InetSocketAddress(bind, 0), handler);
        }
        int size = max - min + 1;
        for (int i = 0; i < size; i++) {
            int port = next;
            next = next == max ? min : next + 1;
            try {
                return loop.open(new InetSocketAddress(bind, port), handler);
            } catch (BindException e) {
                // in use: try the next one
            }
        }
        throw new BindException("no free UDP port in " + min + "-" + max);
    }
}
