package org.vertogw.media.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

/**
 * One non-blocking UDP socket owned by a {@link MediaLoop}. Sends from the loop thread go through a reused direct
 * buffer; sends from other threads (DTLS handshakes, control calls) wrap the array, which the JDK copies.
 */
public final class UdpSocket implements PacketSender, AutoCloseable {

    private final DatagramChannel channel;
    private final MediaLoop loop;
    private final DatagramHandler handler;
    private final int port;
    private final InetSocketAddress localAddress;
    private SelectionKey key;
    private volatile InetSocketAddress connectedTo;
    /** Opened connected on a shared port: disconnecting would make it share the port's unclaimed datagrams. */
    private final boolean pinned;

    private volatile boolean closed;

    UdpSocket(DatagramChannel channel, MediaLoop loop, DatagramHandler handler, InetSocketAddress connectedTo)
            throws IOException {
        this.channel = channel;
        this.connectedTo = connectedTo;
        this.pinned = connectedTo != null;
        this.loop = loop;
        this.handler = handler;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.port = localAddress.getPort();
    }

    public int port() {
        return port;
    }

    public InetSocketAddress localAddress() {
        return localAddress;
    }

    DatagramChannel channel() {
        return channel;
    }

    DatagramHandler handler() {
        return handler;
    }

    void setKey(SelectionKey key) {
        this.key = key;
    }

    /**
     * Connects this socket to the one peer ICE selected (loop thread; null disconnects): the kernel then keeps the
     * route instead of looking it up per datagram, and delivers nothing from other addresses. A send elsewhere
     * (an ICE check to another candidate) disconnects first, so connecting never loses a datagram we send; but the
     * JDK discards the datagrams received and not yet read when it connects, so connect once the peer has nothing in
     * flight that a retransmission timer would have to recover (after the DTLS handshake).
     */
    public void connect(InetSocketAddress peer) {
        if (closed || pinned || java.util.Objects.equals(peer, connectedTo)) {
            return;
        }
        try {
            if (connectedTo != null) {
                channel.disconnect();
                connectedTo = null;
            }
            if (peer != null) {
                channel.connect(peer);
                connectedTo = peer;
            }
        } catch (IOException | RuntimeException e) {
            // stays unconnected: datagrams still flow, only the route cache is lost
            connectedTo = null;
        }
    }

    /** The peer this socket is connected to, or null. */
    public InetSocketAddress connectedTo() {
        return connectedTo;
    }

    /** Sends one datagram; false when the socket is closed or the kernel refused it (counted by the caller). */
    @Override
    public boolean send(byte[] buf, int off, int len, InetSocketAddress to) {
        if (closed || to == null) {
            return false;
        }
        boolean inLoop = loop.inLoop();
        InetSocketAddress connected = connectedTo;
        // identity first: a leg sends to the very address object it connected to
        if (connected != null && connected != to && !connected.equals(to)) {
            if (pinned || !inLoop) {
                return false;
            }
            connect(null);
        }
        try {
            ByteBuffer b = inLoop ? loop.sendBuffer(buf, off, len) : ByteBuffer.wrap(buf, off, len);
            return (connectedTo != null ? channel.write(b) : channel.send(b, to)) == len;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Releases the port. Idempotent; safe from any thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.execute(() -> {
            if (key != null) {
                key.cancel();
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
            loop.releaseCancelled();
        });
    }
}
