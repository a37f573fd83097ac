package org.vertogw.media.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import org.vertogw.media.rtp.PacketBuffer;

/**
 * One connection a browser opened to the ICE-TCP port (RFC 6544 §3, an active candidate meeting our passive one):
 * a stream of RFC 4571 frames that carries a leg's STUN, DTLS, RTP and RTCP as the UDP port carries datagrams.
 * It starts on the port's media thread; once its first check names a leg it is handed over to that leg's media
 * thread, which then does all of its reading and writing. A write the kernel does not take at once is queued, up
 * to {@link TcpLimits#maxQueuedBytes()}; past that whole packets are dropped (counted) so that a slow reader
 * neither blocks the media thread nor grows a queue without bound.
 */
public final class IceTcpConnection implements ChannelHandler, PacketSender {

    /** Receives the connection's frames on its media thread; the buffer is reused after the call returns. */
    @FunctionalInterface
    public interface FrameHandler {
        void onFrame(IceTcpConnection connection, PacketBuffer frame);
    }

    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final TcpPassivePort port;
    private final Rfc4571Framer framer = new Rfc4571Framer(PacketBuffer.MAX_DATAGRAM);
    private final long acceptedNanos = System.nanoTime();
    private volatile MediaLoop loop;
    private SelectionKey key;
    private FrameHandler handler;
    private Consumer<TcpClose> onClose = r -> {};
    private ByteBuffer queued;
    private volatile boolean verified;
    private volatile boolean closed;

    IceTcpConnection(SocketChannel channel, InetSocketAddress remote, TcpPassivePort port, MediaLoop loop) {
        this.channel = channel;
        this.remote = remote;
        this.port = port;
        this.loop = loop;
    }

    /** The browser's end of the connection: the "source address" ICE sees for everything on it. */
    public InetSocketAddress remote() {
        return remote;
    }

    /** The media thread that serves the connection now. */
    public MediaLoop loop() {
        return loop;
    }

    long acceptedNanos() {
        return acceptedNanos;
    }

    /** An authentic STUN check arrived on it: the handshake deadline no longer applies. Any thread. */
    public void verified() {
        verified = true;
    }

    public boolean isVerified() {
        return verified;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Starts reading on the port's thread, frames going to {@code first} (which claims or closes). */
    void start(FrameHandler first) throws IOException {
        handler = first;
        key = loop.register(channel, SelectionKey.OP_READ, this);
    }

    /**
     * Moves the connection to {@code target} (the leg's media thread) with {@code next} as its handler;
     * {@code adopted} runs there first (any time it returns the connection is the leg's), then {@code frame} (the
     * one being handled now) and the rest of what was read. Called by the current handler, on the current thread.
     */
    public void handOver(MediaLoop target, FrameHandler next, Consumer<IceTcpConnection> adopted, PacketBuffer frame) {
        if (target == loop) {
            handler = next;
            adopted.accept(this);
            if (!closed) {
                next.onFrame(this, frame);
            }
            return;
        }
        PacketBuffer copy = new PacketBuffer();
        copy.set(frame.array(), 0, frame.length());
        copy.setReceivedNanos(frame.receivedNanos());
        handler = null;
        if (key != null) {
            key.cancel();
            key = null;
        }
        loop = target;
        target.execute(() -> {
            if (closed) {
                return;
            }
            try {
                key = target.register(channel, interestOps(), this);
            } catch (IOException | RuntimeException e) {
                close(TcpClose.PEER_CLOSED);
                return;
            }
            handler = next;
            adopted.accept(this);
            if (!closed) {
                next.onFrame(this, copy);
                deliver();
            }
        });
    }

    /** Called once, on its thread, with why the connection ended. */
    public void onClose(Consumer<TcpClose> listener) {
        this.onClose = listener;
    }

    @Override
    public void onReady(SelectionKey k) {
        if (k.isWritable()) {
            flush();
        }
        if (k.isValid() && k.isReadable()) {
            read();
        }
    }

    private void read() {
        int n;
        try {
            n = channel.read(framer.readBuffer());
        } catch (IOException e) {
            close(TcpClose.PEER_CLOSED);
            return;
        }
        if (n < 0) {
            close(TcpClose.PEER_CLOSED);
            return;
        }
        port.counters().in(n);
        deliver();
    }

    /** Hands out the complete frames read so far, while the connection stays on this thread. */
    private void deliver() {
        PacketBuffer p = loop.scratchPacket();
        while (!closed && handler != null && loop.inLoop()) {
            int len = framer.next(p);
            if (len == Rfc4571Framer.INCOMPLETE) {
                return;
            }
            if (len == Rfc4571Framer.OVERSIZE) {
                close(TcpClose.OVERSIZE_FRAME);
                return;
            }
            p.setReceivedNanos(System.nanoTime());
            handler.onFrame(this, p);
        }
    }

    /**
     * Sends one packet as a frame; {@code to} is ignored (a connection has one peer). From another thread (a DTLS
     * handshake) the packet is copied and written by the connection's thread.
     */
    @Override
    public boolean send(byte[] buf, int off, int len, InetSocketAddress to) {
        if (closed) {
            return false;
        }
        MediaLoop l = loop;
        if (!l.inLoop()) {
            byte[] copy = java.util.Arrays.copyOfRange(buf, off, off + len);
            l.execute(() -> send(copy, 0, copy.length, to));
            return true;
        }
        int frame = Rfc4571Framer.HEADER + len;
        if (queued != null && queued.position() > 0) {
            return enqueue(buf, off, len);
        }
        ByteBuffer b = l.framedSendBuffer(buf, off, len);
        try {
            channel.write(b);
        } catch (IOException e) {
            close(TcpClose.PEER_CLOSED);
            return false;
        }
        port.counters().out(frame - b.remaining());
        if (b.hasRemaining()) {
            // the rest of this frame must follow before any other: it always fits, the queue being empty
            queue().put(b);
            writeInterest(true);
        }
        return true;
    }

    private boolean enqueue(byte[] buf, int off, int len) {
        ByteBuffer q = queue();
        if (q.remaining() < Rfc4571Framer.HEADER + len) {
            port.counters().dropped();
            return false;
        }
        Rfc4571Framer.encode(buf, off, len, q);
        return true;
    }

    private ByteBuffer queue() {
        if (queued == null) {
            queued = ByteBuffer.allocate(port.limits().maxQueuedBytes());
        }
        return queued;
    }

    /** Bytes waiting for the kernel to take them. */
    public int queuedBytes() {
        return queued == null ? 0 : queued.position();
    }

    private void flush() {
        if (queued == null || queued.position() == 0) {
            writeInterest(false);
            return;
        }
        queued.flip();
        try {
            port.counters().out(channel.write(queued));
        } catch (IOException e) {
            queued.compact();
            close(TcpClose.PEER_CLOSED);
            return;
        }
        queued.compact();
        writeInterest(queued.position() > 0);
    }

    private int interestOps() {
        return SelectionKey.OP_READ | (queuedBytes() > 0 ? SelectionKey.OP_WRITE : 0);
    }

    private void writeInterest(boolean on) {
        if (key != null && key.isValid()) {
            key.interestOps(on ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    /** Closes the connection (on its thread; from another thread the close is queued there). Idempotent. */
    public void close(TcpClose reason) {
        MediaLoop l = loop;
        if (!l.inLoop()) {
            l.execute(() -> close(reason));
            return;
        }
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        // the descriptor is released at the loop's next selection (within a tick); releasing it here would select
        // in the middle of whatever packet this thread is handling
        port.closed(this, reason);
        onClose.accept(reason);
    }

    @Override
    public String toString() {
        return "tcp " + remote + (verified ? "" : " (unverified)") + (closed ? " closed" : "");
    }
}
