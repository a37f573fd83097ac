package org.vertogw.media.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one listening TCP port every browser leg shares for ICE-TCP (RFC 6544 §4.1: our candidates are passive, the
 * browser connects). It accepts within {@link TcpLimits} (in all, per source address), gives each connection to
 * {@code firstFrame} (which hands it to the leg its first check names, or closes it), and closes connections that
 * pass no authentic check within the handshake timeout. Accepting runs on one media thread; the connections then
 * live on their legs' threads.
 */
public final class TcpPassivePort implements ChannelHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpPassivePort.class);
    /** Accepts per wake-up, so that a flood of connections does not hold the media thread. */
    private static final int ACCEPTS_PER_WAKEUP = 64;

    private final ServerSocketChannel server;
    private final MediaLoop loop;
    private final TcpLimits limits;
    private final IceTcpConnection.FrameHandler firstFrame;
    private final TcpCounters counters = new TcpCounters();
    private final Set<IceTcpConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Runnable ticker = this::expireHandshakes;
    private final int port;
    private volatile boolean closed;

    private TcpPassivePort(
            ServerSocketChannel server, MediaLoop loop, TcpLimits limits, IceTcpConnection.FrameHandler firstFrame)
            throws IOException {
        this.server = server;
        this.loop = loop;
        this.limits = limits;
        this.firstFrame = firstFrame;
        this.port = ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** Listens on {@code bind} (port 0: any) and serves it on {@code loop}. */
    public static TcpPassivePort open(
            MediaLoop loop, InetSocketAddress bind, TcpLimits limits, IceTcpConnection.FrameHandler firstFrame)
            throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(bind, 1024);
            ch.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        TcpPassivePort p = new TcpPassivePort(ch, loop, limits, firstFrame);
        LoopCalls.run(loop, () -> {
            try {
                loop.register(ch, SelectionKey.OP_ACCEPT, p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        loop.addTicker(p.ticker);
        return p;
    }

    public int port() {
        return port;
    }

    public TcpLimits limits() {
        return limits;
    }

    public TcpCounters counters() {
        return counters;
    }

    /** Connections open now (claimed by a leg or still waiting for their first check). */
    public int connections() {
        return connections.size();
    }

    @Override
    public void onReady(SelectionKey key) {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP && key.isValid(); i++) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                return;
            }
            if (ch == null) {
                return;
            }
            accept(ch);
        }
    }

    private void accept(SocketChannel ch) {
        InetSocketAddress remote;
        try {
            remote = (InetSocketAddress) ch.getRemoteAddress();
        } catch (IOException e) {
            closeQuietly(ch);
            return;
        }
        TcpClose refusal = admit(remote.getAddress());
        if (refusal != null) {
            counters.closed(refusal, false);
            closeQuietly(ch);
            return;
        }
        IceTcpConnection c = new IceTcpConnection(ch, remote, this, loop);
        connections.add(c);
        counters.opened();
        try {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.start(firstFrame);
        } catch (IOException | RuntimeException e) {
            c.close(TcpClose.PEER_CLOSED);
        }
    }

    /** Null when {@code from} may open one more connection (and counts it), else why not. */
    private TcpClose admit(InetAddress from) {
        if (closed) {
            return TcpClose.PORT_CLOSED;
        }
        if (connections.size() >= limits.maxConnections()) {
            return TcpClose.REFUSED_TOTAL_LIMIT;
        }
        AtomicInteger n = perAddress.computeIfAbsent(from, a -> new AtomicInteger());
        if (n.incrementAndGet() > limits.maxPerAddress()) {
            n.decrementAndGet();
            return TcpClose.REFUSED_ADDRESS_LIMIT;
        }
        return null;
    }

    /** Called by a connection as it closes, on its thread. */
    void closed(IceTcpConnection c, TcpClose reason) {
        if (!connections.remove(c)) {
            return;
        }
        counters.closed(reason, true);
        InetAddress a = c.remote().getAddress();
        perAddress.computeIfPresent(a, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** Closes connections that passed no authentic check in time (RFC 6544 leaves this to the passive side). */
    private void expireHandshakes() {
        long now = System.nanoTime();
        long limit = limits.handshakeTimeout().toNanos();
        for (IceTcpConnection c : connections) {
            if (!c.isVerified() && now - c.acceptedNanos() > limit) {
                c.close(TcpClose.HANDSHAKE_TIMEOUT);
            }
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            ch.close();
        } catch (IOException | RuntimeException e) {
            // refused anyway
        }
    }

    /** Stops listening and closes every connection. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.removeTicker(ticker);
        for (IceTcpConnection c : connections) {
            c.close(TcpClose.PORT_CLOSED);
        }
        loop.execute(() -> {
            try {
                server.close();
            } catch (IOException e) {
                LOG.debug("closing ICE-TCP port {}: {}", port, e.getMessage());
            }
        });
    }
}
