package org.vertogw.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.media.dtls.DtlsCertificate;
import org.vertogw.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.net.MediaLoop;
import org.vertogw.media.net.PortRange;
import org.vertogw.media.net.UdpSocket;
import org.vertogw.media.relay.BrowserPort;
import org.vertogw.media.relay.DiscardReason;
import org.vertogw.media.relay.LegCounters;
import org.vertogw.media.relay.LegSettings;
import org.vertogw.media.relay.MediaContext;
import org.vertogw.media.relay.MediaRelay;

/**
 * Owns the media thread, the shared browser port, the island port range, the DTLS handshake threads and the ECDSA
 * P-256 certificate; one per gateway (or per embedded island). Relays and endpoints it creates share all of these.
 */
public final class MediaEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);
    private static final AtomicInteger ENGINES = new AtomicInteger();

    private final MediaConfig config;
    private final MediaLoop loop;
    private final ExecutorService handshakes;
    private final DtlsCertificate certificate;
    private final BrowserPort browserPort = new BrowserPort();
    private final UdpSocket browserSocket;
    private final MediaContext context;
    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong relaysCreated = new AtomicLong();
    private final AtomicLong endpointsCreated = new AtomicLong();
    private final long[] retiredTraffic = new long[4];
    private final long[] retiredDiscards = new long[DiscardReason.values().length];
    private volatile boolean closed;

    private MediaEngine(MediaConfig config) throws IOException {
        this.config = config;
        int n = ENGINES.incrementAndGet();
        this.certificate = DtlsCertificate.generate();
        this.loop = new MediaLoop("media-loop-" + n, 100);
        AtomicInteger threads = new AtomicInteger();
        this.handshakes = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dtls-" + n + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.browserSocket = loop.openShared(new InetSocketAddress(config.bindAddress(), config.browserPort()), null, browserPort);
            browserPort.attach(loop, browserSocket.localAddress());
        } catch (IOException e) {
            loop.close();
            handshakes.shutdownNow();
            throw e;
        }
        LegSettings settings = new LegSettings(loop, certificate, handshakes, config.iceTimers(),
                (int) config.dtlsTimeout().toMillis(), (int) config.dtlsRetransmit().toMillis(), config.publicAddress());
        this.context = new MediaContext(settings, browserSocket, browserPort,
                new PortRange(config.islandPortMin(), config.islandPortMax()), config.bindAddress(),
                new MediaContext.Lifecycle() {
                    @Override
                    public void opened(AutoCloseable owner) {
                        open.add(owner);
                    }

                    @Override
                    public void closed(AutoCloseable owner, List<LegCounters> legs) {
                        open.remove(owner);
                        retire(legs);
                    }
                });
        LOG.info("media engine up: browser port {}, {}, certificate {}", browserSocket.port(), config,
                certificate.fingerprint());
    }

    /** Binds the shared browser port and makes the certificate; fails if the port is taken. */
    public static MediaEngine start(MediaConfig config) {
        try {
            return new MediaEngine(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the media engine on " + config.bindAddress().getHostAddress()
                    + ":" + config.browserPort() + ": " + e.getMessage(), e);
        }
    }

    public MediaConfig config() {
        return config;
    }

    /** The bound shared port (the configured one, or the one picked when configured as 0). */
    public int browserPort() {
        return browserSocket.port();
    }

    /**
     * Browser legs that have a socket of their own on the shared port, connected to their selected address (see
     * {@link BrowserPort}); read on the media thread.
     */
    public int connectedBrowserSockets() {
        try {
            return org.vertogw.media.relay.LoopCalls.call(loop, browserPort::connectedSockets);
        } catch (org.vertogw.media.sdp.SdpException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code task} on the media thread, where legs, relays and endpoints live: one hand-off for a batch of
     * work (say, every packet due in this millisecond) instead of one per call.
     */
    public void execute(Runnable task) {
        loop.execute(task);
    }

    /** {@code sha-256 AB:CD:...} of our certificate, as in a=fingerprint. */
    public String fingerprint() {
        return certificate.fingerprint().toSdp();
    }

    /** A browser ⇄ island relay for one call. */
    public MediaRelay newRelay(String callId) {
        checkOpen();
        relaysCreated.incrementAndGet();
        return new MediaRelay(callId, context);
    }

    /** A FreeSWITCH-like media termination for one call of the embedded island. */
    public WebRtcEndpoint newEndpoint(String callId) {
        checkOpen();
        endpointsCreated.incrementAndGet();
        return new WebRtcEndpoint(callId, context);
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
            List<LegCounters> legs;
            if (o instanceof MediaRelay r) {
                relays++;
                legs = r.counters().all();
            } else if (o instanceof WebRtcEndpoint e) {
                endpoints++;
                legs = e.counters().all();
            } else {
                continue;
            }
            for (LegCounters c : legs) {
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
        return new MediaStats(relays, relaysCreated.get(), endpoints, endpointsCreated.get(), traffic[0], traffic[1],
                traffic[2], traffic[3], byReason);
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
        browserSocket.close();
        loop.close();
        handshakes.shutdownNow();
        LOG.info("media engine on port {} closed", browserSocket.port());
    }
}
