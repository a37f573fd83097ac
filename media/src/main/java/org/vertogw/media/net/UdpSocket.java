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
public final class UdpSocket implements AutoCloseable {

    private final DatagramChannel channel;
    private final MediaLoop loop;
    private final DatagramHandler handler;
    private final int port;
    private final InetSocketAddress localAddress;
    private SelectionKey key;
    private volatile boolean closed;

    UdpSocket(DatagramChannel channel, MediaLoop loop, DatagramHandler handler) throws IOException {
        this.channel = channel;
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

    /** Sends one datagram; false when the socket is closed or the kernel refused it (counted by the caller). */
    public boolean send(byte[] buf, int off, int len, InetSocketAddress to) {
        if (closed || to == null) {
            return false;
        }
        try {
            ByteBuffer b = loop.inLoop() ? loop.sendBuffer(buf, off, len) : ByteBuffer.wrap(buf, off, len);
            return channel.send(b, to) == len;
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
