package org.vertogw.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * Bouncy Castle's blocking {@link DatagramTransport} over a bounded queue: the media thread offers DTLS records as
 * they arrive on the shared socket, the handshake thread takes them; sends go to a {@link DatagramOut} (the socket
 * and the ICE-selected address). A full queue drops the record, as a congested link would; DTLS retransmits.
 */
final class DatagramQueue implements DatagramTransport {

    /** Below the path MTU with room for IP/UDP headers; BC fragments handshake messages to fit. */
    static final int SEND_LIMIT = 1200;

    static final int RECEIVE_LIMIT = 1500;
    private static final byte[] CLOSED = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(64);
    private final DatagramOut out;
    private volatile boolean closed;
    private volatile long deadlineNanos = Long.MAX_VALUE;

    DatagramQueue(DatagramOut out) {
        this.out = out;
    }

    /** Called by the media thread; false when the queue is full or closed (the record is dropped). */
    boolean offer(byte[] buf, int off, int len) {
        if (closed) {
            return false;
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        return queue.offer(copy);
    }

    /**
     * Bounds the handshake as a whole: Bouncy Castle's own timeout starts only once a ClientHello arrived, so a
     * server whose peer never speaks would wait forever.
     */
    void setDeadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return SEND_LIMIT;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new TlsTimeoutException("DTLS handshake did not complete in time");
        }
        byte[] d;
        try {
            d = queue.poll(Math.min(TimeUnit.MILLISECONDS.toNanos(waitMillis), remaining), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        if (d == null) {
            return -1;
        }
        if (d == CLOSED) {
            throw new IOException("DTLS transport closed");
        }
        int n = Math.min(len, d.length);
        System.arraycopy(d, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        out.send(buf, off, len);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            queue.clear();
            queue.offer(CLOSED);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Records waiting (the CLOSED marker included). */
    boolean isEmpty() {
        return queue.isEmpty();
    }
}
