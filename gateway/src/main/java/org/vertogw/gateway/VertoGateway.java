package org.vertogw.gateway;

import java.net.URI;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.admin.ApiHandler;
import org.vertogw.gateway.admin.ConsolePage;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.config.HealthSettings;
import org.vertogw.gateway.config.Limits;
import org.vertogw.gateway.config.MediaSettings;
import org.vertogw.gateway.edge.ConnectionRateGate;
import org.vertogw.gateway.edge.ConnectionRates;
import org.vertogw.gateway.edge.GatewayContext;
import org.vertogw.gateway.edge.IslandLossPacer;
import org.vertogw.gateway.edge.LoginThrottle;
import org.vertogw.gateway.edge.SessionRegistry;
import org.vertogw.gateway.edge.VertoEdge;
import org.vertogw.gateway.fleet.Fleet;
import org.vertogw.gateway.island.IslandHealth;
import org.vertogw.gateway.island.UpstreamConnector;
import org.vertogw.gateway.island.UpstreamPool;
import org.vertogw.gateway.media.RelayWarmUp;
import org.vertogw.gateway.observe.GatewayMetrics;
import org.vertogw.gateway.routing.MapFileWatcher;
import org.vertogw.gateway.routing.Router;
import org.vertogw.gateway.tls.EdgeTlsWarmUp;
import org.vertogw.gateway.tls.PemKeyStore;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapParser;
import org.vertogw.protocol.codec.VertoCodec;

/**
 * A running gateway: the HTTPS/WSS edge (Jetty 12), routing and island health, the admin API, metrics, and the
 * demo page and SDK when their resources are on the class path.
 */
public final class VertoGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VertoGateway.class);

    private final GatewayConfig config;
    private final Server server;
    private final ServerConnector connector;
    private final ExecutorService pool;
    private final ScheduledExecutorService scheduler;
    private final UpstreamConnector upstream;
    private final UpstreamPool warmLinks;
    private final IslandHealth health;
    private final Router router;
    private final VertoEdge edge;
    private final MapFileWatcher watcher;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final MediaEngine media;
    private final CompletableFuture<Integer> dtlsWarmUp;
    private volatile CompletableFuture<Integer> tlsWarmUp = CompletableFuture.completedFuture(0);
    private final IslandLossPacer pacer;
    private final Fleet fleet;

    private VertoGateway(GatewayConfig config, List<Handler> extraHandlers) throws Exception {
        this.config = config;
        this.pool = Executors.newFixedThreadPool(
                Math.max(4, Runtime.getRuntime().availableProcessors() * 2), daemon("session"));
        this.scheduler = Executors.newScheduledThreadPool(1, daemon("gateway-timer"));
        this.upstream = new UpstreamConnector(
                config.trustAllUpstream(),
                config.upstreamCaPem(),
                config.limits().maxFrameBytes(),
                config.health().timeout().plus(Duration.ofSeconds(2)));
        metrics.upstreamForcedCloses(upstream::forcedCloses);
        this.health = new IslandHealth(upstream, config.health());
        String mapText = config.map() != null ? null : Files.readString(config.mapFile());
        PartitionMap initial = config.map() != null ? config.map() : PartitionMapParser.parse(mapText);
        // in a fleet the map file only seeds a new fleet's map (as written, with its failback); the fleet's key is
        // the truth
        this.fleet = config.fleet() == null ? null : new Fleet(config.fleet(), config.id(), health, metrics, mapText);
        this.router = fleet == null ? new Router(initial, health) : new Router(initial, fleet.placement());
        this.warmLinks = new UpstreamPool(upstream, config.limits().warmLinksPerIsland(), health::down);
        this.watcher = config.mapFile() == null || fleet != null ? null : new MapFileWatcher(config.mapFile(), router);
        this.media = config.media() == null ? null : MediaEngine.start(mediaConfig(config.media()));
        if (media != null) {
            metrics.media(media);
        }
        this.dtlsWarmUp = media == null
                ? CompletableFuture.completedFuture(0)
                : RelayWarmUp.start(media.config().dtlsKey());
        HealthSettings h = config.health();
        this.pacer = new IslandLossPacer(
                scheduler,
                config.limits().reconnectsPerSecond(),
                h.interval().multipliedBy(h.downAfter() + 1L).plus(h.timeout()),
                health::state);
        health.onChange((island, state) -> pacer.verdict(island));
        GatewayContext ctx = new GatewayContext(
                config,
                new VertoCodec(),
                router,
                warmLinks,
                new SessionRegistry(),
                metrics,
                pool,
                scheduler,
                media,
                health,
                pacer,
                new LoginThrottle(config.limits()));
        this.edge = new VertoEdge(ctx);

        QueuedThreadPool jetty = new QueuedThreadPool(200, 8);
        jetty.setName("edge");
        this.server = new Server(jetty);
        this.connector = tlsConnector(server, config, metrics);
        server.addConnector(connector);
        server.setHandler(handlers(extraHandlers));
    }

    /** Starts a gateway and returns once it accepts connections and its probes run. */
    public static VertoGateway start(GatewayConfig config) throws Exception {
        return start(config, List.of());
    }

    /**
     * As {@link #start(GatewayConfig)}, with HTTP handlers of the application that assembles the product (the demo's
     * {@code /v1/demo}), consulted after the gateway's own API and before its static resources.
     */
    public static VertoGateway start(GatewayConfig config, List<Handler> extraHandlers) throws Exception {
        VertoGateway g = new VertoGateway(config, extraHandlers);
        g.health.reconcile(g.router.map());
        g.router.onMapChange(g.health::reconcile);
        g.warmLinks.reconcile(g.router.map());
        g.router.onMapChange(g.warmLinks::reconcile);
        g.scheduler.scheduleWithFixedDelay(g.warmLinks::refill, 0, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        g.health.start(g.scheduler);
        if (g.watcher != null) {
            g.watcher.start(g.scheduler, config.mapPollInterval().toMillis());
        }
        g.server.start();
        g.tlsWarmUp = EdgeTlsWarmUp.start(
                g.connector.getConnectionFactory(SslConnectionFactory.class).getSslContextFactory(),
                EdgeTlsWarmUp.DEFAULT_HANDSHAKES);
        if (g.fleet != null) {
            g.fleet.start(g.router, g.edge, g::gatewayEndpoints);
        }
        LOG.info(
                "gateway {} ({} mode) serving {} with partition map version {}",
                config.id(),
                config.mode().name().toLowerCase(java.util.Locale.ROOT),
                g.wssUri(),
                g.router.map().version());
        return g;
    }

    private static MediaConfig mediaConfig(MediaSettings m) {
        MediaConfig.Builder b = MediaConfig.builder()
                .bindAddress(m.bindAddress())
                .browserPort(m.browserPort())
                .islandPorts(m.islandPortMin(), m.islandPortMax())
                .dtlsKey(m.dtlsKey());
        if (m.publicAddress() != null) {
            b.publicAddress(m.publicAddress());
        }
        if (m.threads() > 0) {
            b.mediaThreads(m.threads());
        }
        b.tcp(m.tcp().enabled(), m.tcp().port(), m.tcp().limits());
        if (m.dtlsHandshakeThreads() > 0 || m.dtlsHandshakesQueued() > 0) {
            MediaConfig d = MediaConfig.builder().build();
            b.dtlsHandshakes(
                    m.dtlsHandshakeThreads() > 0 ? m.dtlsHandshakeThreads() : d.dtlsHandshakeThreads(),
                    m.dtlsHandshakesQueued() > 0 ? m.dtlsHandshakesQueued() : d.dtlsHandshakesQueued());
        }
        return b.build();
    }

    private static ServerConnector tlsConnector(Server server, GatewayConfig config, GatewayMetrics metrics)
            throws Exception {
        KeyStore ks = config.tls().isSelfSigned()
                ? PemKeyStore.selfSignedIn(config.dataDir())
                : PemKeyStore.load(config.tls().certificatePem(), config.tls().privateKeyPem());
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(ks);
        ssl.setKeyStorePassword(PemKeyStore.PASSWORD);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer src = new SecureRequestCustomizer();
        // Self-signed demo certificates name localhost and 127.0.0.1 only; do not reject other Host headers.
        src.setSniHostCheck(!config.tls().isSelfSigned());
        http.addCustomizer(src);
        SslConnectionFactory tls = new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString());
        Limits l = config.limits();
        ConnectionRates rates = new ConnectionRates(
                l.connectionsPerSecondPerAddress(), l.connectionBurstPerAddress(), l.connectionRateAddresses());
        // the rate of new connections per address is checked first, before any TLS work
        ServerConnector c = new ServerConnector(
                server,
                new ConnectionRateGate(rates, tls.getProtocol(), metrics),
                tls,
                new HttpConnectionFactory(http));
        c.setHost(config.host());
        c.setPort(config.port());
        c.setAcceptQueueSize(config.acceptQueue());
        // until the upgrade, a connection must finish TLS and send its HTTP request within this; the WebSocket
        // that follows has its own idle timeout
        c.setIdleTimeout(config.limits().upgradeTimeout().toMillis());
        return c;
    }

    private Handler handlers(List<Handler> extraHandlers) {
        ContextHandler root = new ContextHandler("/");
        // The SDK's UMD bundle is a .cjs file (it sits beside ES modules in a "type": "module" package).
        root.getMimeTypes().addMimeMapping("cjs", "text/javascript");
        Handler.Sequence rest = new Handler.Sequence();
        rest.addHandler(
                new ApiHandler(config, router, health, edge, metrics, this::gatewayEndpoints, fleet, media, scheduler));
        rest.addHandler(ConsolePage.handler(server));
        extraHandlers.forEach(rest::addHandler);
        ResourceFactory resources = ResourceFactory.of(server);
        Resource sdk = resources.newClassLoaderResource("web/sdk/");
        if (sdk != null && sdk.exists()) {
            ContextHandler sdkContext = new ContextHandler("/sdk");
            sdkContext.getMimeTypes().addMimeMapping("cjs", "text/javascript");
            ResourceHandler h = new ResourceHandler();
            h.setBaseResource(sdk);
            h.setDirAllowed(false);
            sdkContext.setHandler(h);
            rest.addHandler(sdkContext);
        }
        Resource demo = resources.newClassLoaderResource("web/demo/");
        if (config.demo() && demo != null && demo.exists()) {
            ResourceHandler h = new ResourceHandler();
            h.setBaseResource(demo);
            h.setDirAllowed(false);
            h.setWelcomeFiles(List.of("index.html"));
            rest.addHandler(h);
        }
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, root, container -> {
            container.setMaxTextMessageSize(config.limits().maxFrameBytes());
            container.setMaxBinaryMessageSize(1024);
            container.setIdleTimeout(Duration.ofMinutes(5));
            // No extension is accepted, permessage-deflate included, which every browser offers: with context
            // takeover (RFC 7692 §7.1.1) a connection keeps a zlib deflater and inflater for its lifetime, 113 KiB
            // resident per session against 8 KiB without (bench/signaling, -Dbench.deflate=true), for messages of a
            // few KiB; FreeSWITCH's mod_verto accepts no extension either (docs/protocol.md §1.2).
            container.addMapping(config.path(), (req, resp, cb) -> {
                resp.setExtensions(List.of());
                return edge.create(req);
            });
        });
        ws.setHandler(rest);
        root.setHandler(ws);
        return root;
    }

    /** The endpoints published to SDKs: configured ones, else this gateway's own. */
    public List<String> gatewayEndpoints() {
        if (!config.publicEndpoints().isEmpty()) {
            return config.publicEndpoints();
        }
        List<String> out = new ArrayList<>();
        out.add(wssUri().toString());
        return out;
    }

    public int port() {
        return connector.getLocalPort();
    }

    private String hostForUrls() {
        String h = config.host();
        return h.equals("0.0.0.0") || h.equals("127.0.0.1") || h.equals("::") ? "localhost" : h;
    }

    public URI wssUri() {
        return URI.create("wss://" + hostForUrls() + ":" + port() + config.path());
    }

    public URI httpsUri() {
        return URI.create("https://" + hostForUrls() + ":" + port() + "/");
    }

    public Router router() {
        return router;
    }

    public IslandHealth health() {
        return health;
    }

    public VertoEdge edge() {
        return edge;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    /** The media engine, or null for a signaling-only gateway. */
    public MediaEngine media() {
        return media;
    }

    /** The DTLS warm-up started with the gateway ({@link RelayWarmUp}): completes with the handshakes it made. */
    public CompletableFuture<Integer> dtlsWarmUp() {
        return dtlsWarmUp;
    }

    /** The edge's TLS warm-up ({@link EdgeTlsWarmUp}): completes with the handshakes it made. */
    public CompletableFuture<Integer> tlsWarmUp() {
        return tlsWarmUp;
    }

    /** Open warm links kept ready for {@code island} ({@code limits.warmLinksPerIsland}). */
    public int warmLinks(String island) {
        return warmLinks.warm(island);
    }

    public MapFileWatcher mapWatcher() {
        return watcher;
    }

    /** The fleet this gateway belongs to, or null for a gateway on its own. */
    public Fleet fleet() {
        return fleet;
    }

    @Override
    public void close() {
        if (fleet != null) {
            fleet.close();
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the edge failed", e);
        }
        if (watcher != null) {
            watcher.close();
        }
        health.close();
        warmLinks.close();
        try {
            upstream.close();
        } catch (Exception e) {
            LOG.warn("stopping the upstream client failed", e);
        }
        if (media != null) {
            media.close();
        }
        scheduler.shutdownNow();
        pool.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
