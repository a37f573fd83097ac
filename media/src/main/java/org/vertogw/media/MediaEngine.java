package org.vertogw.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.media.dtls.DtlsCertificate;
import org.vertogw.media.net.MediaLoop;
import org.vertogw.media.net.PortRange;
import org.vertogw.media.net.TcpCounters;
import org.vertogw.media.net.TcpPassivePort;
import org.vertogw.media.net.UdpSocket;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.transport.BrowserPort;
import org.vertogw.media.transport.DiscardReason;
import org.vertogw.media.transport.LegCounters;
import org.vertogw.media.transport.LegSettings;

/**
 * Owns the media threads, the shared browser port, the island port range, the DTLS handshake threads and the DTLS
 * certificate; one per gateway (or per embedded island). Relays and endpoints it creates share all of these.
 * <p>
 * Each relay or endpoint lives on one media thread, the one with the fewest open calls when it is made: its legs,
 * island sockets and browser connected sockets are all served there, so a call's packets never cross threads. The
 * shared browser port is served by the first thread, which hands the few datagrams that arrive there for a call on
 * another thread (ICE checks before a pair is selected) over to that thread.
 */
public final class MediaEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);
    private static final AtomicInteger ENGINES = new AtomicInteger();
    private static final TcpCounters NO_TCP = new TcpCounters();

    private final MediaConfig config;
    private final MediaLoop[] loops;
    private final MediaContext[] contexts;
    private final AtomicInteger[] callsPerLoop;
    private final ExecutorService handshakes;
    private final DtlsCertificate certificate;
    private final BrowserPort browserPort = new BrowserPort();
    private final UdpSocket browserSocket;
    private final TcpPassivePort tcpPort;
    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong relaysCreated = new AtomicLong();
    private final AtomicLong endpointsCreated = new AtomicLong();
    private final long[] retiredTraffic = new long[4];
    private final long[] retiredDiscards = new long[DiscardReason.values().length];
    private volatile boolean closed;

    private MediaEngine(MediaConfig config) throws IOException {
        this.config = config;
        int n = ENGINES.incrementAndGet();
        this.certificate = config.newDtlsCertificate();
        this.loops = new MediaLoop[config.mediaThreads()];
        try {
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new MediaLoop("media-loop-" + n + (loops.length > 1 ? "-" + i : ""), 100);
            }
        } catch (IOException e) {
            closeLoops();
            throw e;
        }
        AtomicInteger threads = new AtomicInteger();
        // a bounded pool: at most dtlsHandshakeThreads handshakes run, dtlsHandshakesQueued wait; past that a new
        // one is refused and its call ends with a clear cause instead of a thread per leg
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                config.dtlsHandshakeThreads(),
                config.dtlsHandshakeThreads(),
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.dtlsHandshakesQueued()),
                r -> {
                    Thread t = new Thread(r, "dtls-" + n + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.handshakes = pool;
        try {
            this.browserSocket = loops[0].openShared(
                    new InetSocketAddress(config.bindAddress(), config.browserPort()), null, browserPort);
            browserPort.attach(loops[0], browserSocket.localAddress());
        } catch (IOException e) {
            closeLoops();
            handshakes.shutdownNow();
            throw e;
        }
        try {
            this.tcpPort = config.tcp() ? openTcp(config) : null;
        } catch (IOException e) {
            browserSocket.close();
            closeLoops();
            handshakes.shutdownNow();
            throw e;
        }
        PortRange islandPorts = new PortRange(config.islandPortMin(), config.islandPortMax());
        this.contexts = new MediaContext[loops.length];
        this.callsPerLoop = new AtomicInteger[loops.length];
        for (int i = 0; i < loops.length; i++) {
            AtomicInteger calls = new AtomicInteger();
            callsPerLoop[i] = calls;
            LegSettings settings = new LegSettings(
                    loops[i],
                    certificate,
                    handshakes,
                    config.iceTimers(),
                    (int) config.dtlsTimeout().toMillis(),
                    (int) config.dtlsRetransmit().toMillis(),
                    config.publicAddress());
            contexts[i] = new MediaContext(
                    settings,
                    browserSocket,
                    browserPort,
                    islandPorts,
                    config.bindAddress(),
                    new MediaContext.Lifecycle() {
                        @Override
                        public void opened(AutoCloseable owner) {
                            calls.incrementAndGet();
                            open.add(owner);
                        }

                        @Override
                        public void closed(AutoCloseable owner, List<LegCounters> legs) {
                            calls.decrementAndGet();
                            open.remove(owner);
                            retire(legs);
                        }
                    });
        }
        LOG.info(
                "media engine up: browser port {}{}, {}, certificate {}",
                browserSocket.port(),
                tcpPort == null ? "" : " (ICE-TCP " + tcpPort.port() + ")",
                config,
                certificate.fingerprint());
    }

    /**
     * The ICE-TCP port, on the thread of the shared UDP port, whose router it shares. On the UDP port's number
     * unless configured; when that number was picked by the system (UDP port 0) and is taken for TCP, any free one.
     */
    private TcpPassivePort openTcp(MediaConfig config) throws IOException {
        int port = config.tcpPort() < 0 ? browserSocket.port() : config.tcpPort();
        TcpPassivePort p;
        try {
            p = openTcp(config, port);
        } catch (IOException e) {
            if (config.tcpPort() >= 0 || config.browserPort() != 0) {
                throw new IOException("ICE-TCP port " + port + ": " + e.getMessage(), e);
            }
            p = openTcp(config, 0);
        }
        browserPort.attachTcp(p.port());
        return p;
    }

    private TcpPassivePort openTcp(MediaConfig config, int port) throws IOException {
        return TcpPassivePort.open(
                loops[0],
                new InetSocketAddress(config.bindAddress(), port),
                config.tcpLimits(),
                browserPort::onFirstTcpFrame);
    }

    /** Binds the shared browser port and makes the certificate; fails if the port is taken. */
    public static MediaEngine start(MediaConfig config) {
        try {
            return new MediaEngine(config);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the media engine on " + config.bindAddress().getHostAddress() + ":"
                            + config.browserPort() + ": " + e.getMessage(),
                    e);
        }
    }

    public MediaConfig config() {
        return config;
    }

    /** The bound shared port (the configured one, or the one picked when configured as 0). */
    public int browserPort() {
        return browserSocket.port();
    }

    /** The bound ICE-TCP port, or 0 when browsers are offered none. */
    public int tcpPort() {
        return tcpPort == null ? 0 : tcpPort.port();
    }

    /** What the ICE-TCP port did (all zero when there is none). */
    public TcpCounters tcpCounters() {
        return tcpPort == null ? NO_TCP : tcpPort.counters();
    }

    /** ICE-TCP connections open now. */
    public int tcpConnections() {
        return tcpPort == null ? 0 : tcpPort.connections();
    }

    /**
     * Browser legs that have a socket of their own on the shared port, connected to their selected address (see
     * {@link BrowserPort}).
     */
    public int connectedBrowserSockets() {
        return browserPort.connectedSockets();
    }

    /** Open relays and endpoints per media thread, in thread order: how evenly calls are spread. */
    public int[] callsPerThread() {
        int[] calls = new int[callsPerLoop.length];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = callsPerLoop[i].get();
        }
        return calls;
    }

    /**
     * Runs {@code task} on the first media thread: with one media thread, where every leg lives, so one hand-off
     * serves a batch of work (say, every packet due in this millisecond) instead of one per call.
     */
    public void execute(Runnable task) {
        loops[0].execute(task);
    }

    /** {@code sha-256 AB:CD:...} of our certificate, as in a=fingerprint. */
    public String fingerprint() {
        return certificate.fingerprint().toSdp();
    }

    /** The relays open now, for views of each call's legs (their DTLS, SRTP and counters). */
    public List<MediaRelay> openRelays() {
        List<MediaRelay> relays = new java.util.ArrayList<>();
        for (AutoCloseable o : open) {
            if (o instanceof MediaRelay r) {
                relays.add(r);
            }
        }
        return relays;
    }

    /** A browser ⇄ island relay for one call. */
    public MediaRelay newRelay(String callId) {
        checkOpen();
        relaysCreated.incrementAndGet();
        return new MediaRelay(callId, leastBusy());
    }

    /**
     * A call's media that is not a relay (an island's endpoint), made by {@code factory} on the least busy media
     * thread's context; it registers itself through the context's lifecycle, as a relay does.
     */
    public <T extends MediaCall> T open(Function<MediaContext, T> factory) {
        checkOpen();
        endpointsCreated.incrementAndGet();
        return factory.apply(leastBusy());
    }

    /** The context of the media thread with the fewest open calls. */
    private MediaContext leastBusy() {
        int best = 0;
        for (int i = 1; i < loops.length; i++) {
            if (callsPerLoop[i].get() < callsPerLoop[best].get()) {
                best = i;
            }
        }
        return contexts[best];
    }

    private void closeLoops() {
        for (MediaLoop l : loops) {
            if (l != null) {
                l.close();
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("media engine closed");
        }
    }

    private synchronized void retire(List<LegCounters> legs) {
        for (LegCounters c : legs) {
            add(retiredTraffic, retiredDiscards, c);
        }
    }

    private static void add(long[] traffic, long[] discards, LegCounters c) {
        traffic[0] += c.packetsReceived();
        traffic[1] += c.bytesReceived();
        traffic[2] += c.packetsSent();
        traffic[3] += c.bytesSent();
        for (DiscardReason r : DiscardReason.values()) {
            discards[r.ordinal()] += c.discarded(r);
        }
    }

    /** Totals over open and closed relays and endpoints, plus unclaimed datagrams on the shared port. */
    public synchronized MediaStats stats() {
        long[] traffic = retiredTraffic.clone();
        long[] discards = retiredDiscards.clone();
        int relays = 0;
        int endpoints = 0;
        for (AutoCloseable o : open) {
            if (!(o instanceof MediaCall call)) {
                continue;
            }
            if (call instanceof MediaRelay) {
                relays++;
            } else {
                endpoints++;
            }
            for (LegCounters c : call.legCounters()) {
                add(traffic, discards, c);
            }
        }
        add(new long[4], discards, browserPort.unmatched());
        Map<DiscardReason, Long> byReason = new EnumMap<>(DiscardReason.class);
        for (DiscardReason r : DiscardReason.values()) {
            if (discards[r.ordinal()] != 0) {
                byReason.put(r, discards[r.ordinal()]);
            }
        }
        return new MediaStats(
                relays,
                relaysCreated.get(),
                endpoints,
                endpointsCreated.get(),
                traffic[0],
                traffic[1],
                traffic[2],
                traffic[3],
                byReason);
    }

    /** Closes every relay and endpoint, releases every port and stops the threads; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable o : open) {
            try {
                o.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", o, e);
            }
        }
        if (tcpPort != null) {
            tcpPort.close();
        }
        browserSocket.close();
        closeLoops();
        handshakes.shutdownNow();
        LOG.info("media engine on port {} closed", browserSocket.port());
    }
}
