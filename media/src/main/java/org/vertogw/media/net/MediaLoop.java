package org.vertogw.media.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.media.rtp.PacketBuffer;

/**
 * The media thread: one selector over every UDP socket of an engine, so a packet is received, decrypted, encrypted
 * and sent by the same thread with no queue hand-off, into buffers allocated once. It also runs submitted tasks and
 * a periodic tick (ICE checks, consent timers). Everything a leg does happens here unless a method says otherwise.
 */
public final class MediaLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaLoop.class);

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Copied on change and iterated at every tick as an array, without the iterator a list would allocate. */
    private volatile Runnable[] tickers = new Runnable[0];

    private final long tickNanos;
    private final ByteBuffer receive = ByteBuffer.allocateDirect(PacketBuffer.MAX_DATAGRAM + 1);
    private final ByteBuffer send =
            ByteBuffer.allocateDirect(PacketBuffer.MAX_DATAGRAM + PacketBuffer.HEADROOM + Rfc4571Framer.HEADER);
    private final PacketBuffer packet = new PacketBuffer();
    private volatile boolean running = true;
    private long nextTick;
    private long oversized;

    /**
     * The JDK's epoll selector maps each ready descriptor to its key through a {@code Map<Integer, ...>}, boxing
     * every descriptor above 127 on every wake-up: 16 bytes of garbage per ready socket unless the JVM's Integer
     * cache covers descriptor numbers ({@code -XX:AutoBoxCacheMax=65536}). Said once, when the class loads.
     */
    static {
        if (Integer.valueOf(65535) != Integer.valueOf(65535)) {
            LOG.info("the JVM runs without -XX:AutoBoxCacheMax=65536: the media thread allocates 16 bytes per ready "
                    + "socket per wake-up in the JDK's selector (start java with that option to make relaying "
                    + "allocation-free)");
        }
    }

    public MediaLoop(String name, long tickMillis) throws IOException {
        this.selector = Selector.open();
        this.tickNanos = tickMillis * 1_000_000L;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Binds a UDP socket (port 0 = any) and delivers its datagrams to {@code handler} on this thread. */
    public UdpSocket open(InetSocketAddress bind, DatagramHandler handler) throws IOException {
        return open(bind, null, false, handler);
    }

    /**
     * A socket that shares its port: with {@code peer} null the shared port itself (SO_REUSEPORT, so that
     * connected sockets can join it; only the same user may), else a socket on the same port connected to one
     * peer. The kernel delivers a peer's datagrams to the socket connected to it rather than to the shared one.
     */
    public UdpSocket openShared(InetSocketAddress bind, InetSocketAddress peer, DatagramHandler handler)
            throws IOException {
        return open(bind, peer, true, handler);
    }

    /**
     * SO_REUSEPORT would let a second process of the same user share a taken port (another gateway on port 10000
     * would then get part of our browsers' traffic); a plain bind first makes a taken port an error, as it is
     * without sharing. Returns the address to bind (the port the plain bind got, when asked for any).
     */
    private static InetSocketAddress refuseTaken(InetSocketAddress bind) throws IOException {
        try (DatagramChannel probe = DatagramChannel.open(
                bind.getAddress() instanceof java.net.Inet6Address
                        ? StandardProtocolFamily.INET6
                        : StandardProtocolFamily.INET)) {
            probe.bind(bind);
            return new InetSocketAddress(bind.getAddress(), ((InetSocketAddress) probe.getLocalAddress()).getPort());
        }
    }

    private UdpSocket open(InetSocketAddress bind, InetSocketAddress peer, boolean shared, DatagramHandler handler)
            throws IOException {
        DatagramChannel ch = DatagramChannel.open(
                bind.getAddress() instanceof java.net.Inet6Address
                        ? StandardProtocolFamily.INET6
                        : StandardProtocolFamily.INET);
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
            if (shared) {
                if (peer == null) {
                    bind = refuseTaken(bind);
                }
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            ch.bind(bind);
            if (peer != null) {
                ch.connect(peer);
            }
            ch.configureBlocking(false);
        } catch (IOException | UnsupportedOperationException e) {
            ch.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        UdpSocket socket = new UdpSocket(ch, this, handler, peer);
        execute(() -> {
            try {
                socket.setKey(ch.register(selector, SelectionKey.OP_READ, socket));
            } catch (IOException e) {
                LOG.warn("cannot register UDP socket {}", socket.port(), e);
            }
        });
        return socket;
    }

    /** Runs {@code task} on the loop thread (soon, in submission order). */
    public void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop()) {
            selector.wakeup();
        }
    }

    /** Runs {@code ticker} on the loop thread every tick until removed. */
    public synchronized void addTicker(Runnable ticker) {
        Runnable[] next = Arrays.copyOf(tickers, tickers.length + 1);
        next[next.length - 1] = ticker;
        tickers = next;
    }

    public synchronized void removeTicker(Runnable ticker) {
        Runnable[] now = tickers;
        for (int i = 0; i < now.length; i++) {
            if (now[i].equals(ticker)) {
                Runnable[] next = Arrays.copyOf(now, now.length - 1);
                System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                tickers = next;
                return;
            }
        }
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    ByteBuffer sendBuffer(byte[] buf, int off, int len) {
        send.clear();
        send.put(buf, off, len);
        send.flip();
        return send;
    }

    /** Datagrams over {@link PacketBuffer#MAX_DATAGRAM} bytes, dropped before any handler saw them. */
    public long oversizedDatagrams() {
        return oversized;
    }

    private final java.util.function.Consumer<SelectionKey> onReady = k -> {
        if (!k.isValid()) {
            return;
        }
        if (k.attachment() instanceof UdpSocket s) {
            if (k.isReadable()) {
                readOne(s);
            }
        } else if (k.attachment() instanceof ChannelHandler h) {
            try {
                h.onReady(k);
            } catch (RuntimeException e) {
                LOG.warn("channel handler failed", e);
            }
        }
    };

    /**
     * Registers a stream channel (already non-blocking) with this loop's selector; {@code handler} is called on
     * this thread when it is ready. Loop thread only.
     */
    SelectionKey register(java.nio.channels.SelectableChannel channel, int ops, ChannelHandler handler)
            throws IOException {
        return channel.register(selector, ops, handler);
    }

    /** The loop's send buffer holding {@code buf[off..off+len)} behind its RFC 4571 length field. Loop thread only. */
    ByteBuffer framedSendBuffer(byte[] buf, int off, int len) {
        send.clear();
        Rfc4571Framer.encode(buf, off, len, send);
        send.flip();
        return send;
    }

    /** The loop's receive envelope, for stream channels: valid until the handler returns. Loop thread only. */
    PacketBuffer scratchPacket() {
        return packet;
    }

    private void run() {
        nextTick = System.nanoTime() + tickNanos;
        while (running) {
            try {
                long wait = Math.max(1, (nextTick - System.nanoTime()) / 1_000_000L);
                // The action form of select (Java 11) hands each ready key over without adding it to the
                // selected-key set, which would allocate a hash node per ready socket per wake-up.
                selector.select(onReady, wait);
                Runnable t;
                while ((t = tasks.poll()) != null) {
                    runSafely(t);
                }
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    nextTick = now + tickNanos;
                    for (Runnable r : tickers) {
                        runSafely(r);
                    }
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("media loop error", e);
            }
        }
    }

    /**
     * Reads one datagram from a ready socket. The selector is level-triggered, so a socket with more queued is
     * ready again at the next selection; reading until the kernel says "nothing more" would cost a second receive
     * per datagram at media rates (one packet per 20 ms per socket), and one socket cannot starve the others.
     */
    private void readOne(UdpSocket socket) {
        receive.clear();
        // a connected socket hears its peer only: read(), without the sender address the kernel and the JDK
        // would otherwise produce and decode per datagram
        InetSocketAddress from = socket.connectedTo();
        try {
            if (from != null) {
                if (socket.channel().read(receive) <= 0) {
                    return;
                }
            } else {
                from = (InetSocketAddress) socket.channel().receive(receive);
            }
        } catch (IOException e) {
            return;
        }
        if (from == null) {
            return;
        }
        receive.flip();
        int len = receive.remaining();
        if (len > PacketBuffer.MAX_DATAGRAM) {
            oversized++;
            return;
        }
        receive.get(packet.array(), 0, len);
        packet.setLength(len);
        packet.setReceivedNanos(System.nanoTime());
        try {
            socket.handler().onDatagram(socket, packet, from);
        } catch (RuntimeException e) {
            LOG.warn("datagram handler failed on port {}", socket.port(), e);
        }
    }

    /**
     * A closed channel that is still registered keeps its port until the selector deregisters its cancelled key
     * at the next selection (java.nio.channels.spi.AbstractSelectableChannel); doing that now frees the port at
     * once, so a call that ends lets the next call bind the same port. Loop thread only.
     */
    void releaseCancelled() {
        try {
            selector.selectNow(onReady);
        } catch (IOException | ClosedSelectorException e) {
            // the loop is stopping; its selector releases everything
        }
    }

    private static void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("media task failed", e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            for (SelectionKey k : selector.keys()) {
                k.channel().close();
            }
            selector.close();
        } catch (IOException | ClosedSelectorException ignored) {
            // closing anyway
        }
        if (!inLoop()) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
