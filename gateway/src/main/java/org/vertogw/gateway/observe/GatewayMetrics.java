package org.vertogw.gateway.observe;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.vertogw.gateway.edge.CloseReason;
import org.vertogw.gateway.edge.LoginOutcome;
import org.vertogw.gateway.edge.Refusal;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.MediaStats;
import org.vertogw.media.net.TcpClose;
import org.vertogw.media.net.TcpCounters;
import org.vertogw.media.transport.DiscardReason;

/** The gateway's Prometheus metrics, exposed as text at {@code /metrics}. */
public final class GatewayMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    /** Open browser connections. */
    public final Gauge sessions = Gauge.builder()
            .name("verto_gateway_sessions")
            .help("Open browser WebSocket sessions")
            .register(registry);
    /** Logins by outcome ({@link LoginOutcome}). */
    private final Counter logins = Counter.builder()
            .name("verto_gateway_logins")
            .help("Credentialed logins by outcome")
            .labelNames("outcome")
            .register(registry);
    /**
     * Logins the island answered, from the browser's request to the answer handed to its connection, and the
     * island's part of that time: the difference is what the gateway adds (bench/signaling measures the same from the
     * browser's side).
     */
    private final Histogram loginTime = loginHistogram(
            "verto_gateway_login_seconds",
            "Credentialed logins the island answered, from the browser's request to the answer handed back");

    private final Histogram loginIslandTime = loginHistogram(
            "verto_gateway_login_island_seconds",
            "The island's part of a login: from the request sent up to the island's answer");

    /** Messages relayed, by direction: to_island, to_browser. */
    public final Counter messages = Counter.builder()
            .name("verto_gateway_messages")
            .help("JSON-RPC messages relayed")
            .labelNames("direction")
            .register(registry);
    /** Browser messages the gateway answered with an error itself, by reason ({@link Refusal}). */
    private final Counter refused = Counter.builder()
            .name("verto_gateway_refused")
            .help("Browser messages answered with an error by the gateway")
            .labelNames("reason")
            .register(registry);
    /** Connections closed by the gateway, by reason ({@link CloseReason}). */
    private final Counter closed = Counter.builder()
            .name("verto_gateway_connections_refused")
            .help("Connections closed by the gateway")
            .labelNames("reason")
            .register(registry);
    /** 1 while the island is up (or unknown), 0 while down. */
    public final Gauge islandUp = Gauge.builder()
            .name("verto_gateway_island_up")
            .help("Island health as the gateway probes it")
            .labelNames("island")
            .register(registry);

    public final Gauge mapVersion = Gauge.builder()
            .name("verto_gateway_partition_map_version")
            .help("Version of the partition map in use")
            .register(registry);

    private final Counter routeLookups = Counter.builder()
            .name("verto_gateway_route_lookups")
            .help("GET /v1/route answers by outcome (docs/operations.md, Calls across islands)")
            .labelNames("outcome")
            .register(registry);

    /** The outcomes of {@code /v1/route}. */
    public static final java.util.List<String> ROUTE_OUTCOMES =
            java.util.List.of("ok", "unservable", "bad_request", "unauthorized", "over_budget");

    private FleetMetrics fleet;
    private volatile CallQualityMetrics callQuality;
    /** The operator console's event streams. */
    public final ConsoleMetrics console = new ConsoleMetrics(registry);

    public GatewayMetrics() {
        JvmMetrics.builder().register(registry);
        // every label value from the start, so that a dashboard sees zeros rather than missing series
        for (LoginOutcome o : LoginOutcome.values()) {
            logins.labelValues(o.label());
        }
        for (Refusal r : Refusal.values()) {
            refused.labelValues(r.label());
        }
        for (CloseReason c : CloseReason.values()) {
            closed.labelValues(c.label());
        }
        ROUTE_OUTCOMES.forEach(routeLookups::labelValues);
    }

    /**
     * Upstream links dropped because the island's close frame did not come back in time, read at each scrape
     * (docs/operations.md, Metrics).
     */
    public void upstreamForcedCloses(java.util.function.LongSupplier count) {
        CounterWithCallback.builder()
                .name("verto_gateway_upstream_forced_closes")
                .help("Upstream links dropped without a finished close handshake")
                .callback(cb -> cb.call(count.getAsLong()))
                .register(registry);
    }

    /** The fleet's metrics, registered by the first call: a gateway on its own exports none of them. */
    public synchronized FleetMetrics fleet() {
        if (fleet == null) {
            fleet = new FleetMetrics(registry);
        }
        return fleet;
    }

    public void login(LoginOutcome outcome) {
        logins.labelValues(outcome.label()).inc();
    }

    /** One login the island answered: {@code islandNanos} of its {@code totalNanos} were the island's. */
    public void loginAnswered(long islandNanos, long totalNanos) {
        loginIslandTime.observe(islandNanos / 1e9);
        loginTime.observe(totalNanos / 1e9);
    }

    private Histogram loginHistogram(String name, String help) {
        Histogram h = Histogram.builder()
                .name(name)
                .help(help)
                .classicOnly()
                .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
                .register(registry);
        h.initLabelValues(); // exported at zero before the first login, as the counters are
        return h;
    }

    public void refused(Refusal reason) {
        refused.labelValues(reason.label()).inc();
    }

    public void closed(CloseReason reason) {
        closed.labelValues(reason.label()).inc();
    }

    /** One {@code /v1/route} answer, by one of {@link #ROUTE_OUTCOMES}. */
    public void routeLookup(String outcome) {
        routeLookups.labelValues(outcome).inc();
    }

    public long routeLookups(String outcome) {
        return (long) routeLookups.labelValues(outcome).get();
    }

    /** The count so far, for tests and the admin views. */
    public long count(CloseReason reason) {
        return (long) closed.labelValues(reason.label()).get();
    }

    public long count(Refusal reason) {
        return (long) refused.labelValues(reason.label()).get();
    }

    public long count(LoginOutcome outcome) {
        return (long) logins.labelValues(outcome.label()).get();
    }

    /**
     * The media relay's figures, read from {@code engine} at each scrape: open relays, relays made, packets and bytes
     * over all legs, discards by reason, and open calls per media thread.
     */
    public void media(MediaEngine engine) {
        GaugeWithCallback.builder()
                .name("verto_gateway_media_relays")
                .help("Calls whose media the gateway relays now")
                .callback(cb -> cb.call(engine.stats().openRelays()))
                .register(registry);
        CounterWithCallback.builder()
                .name("verto_gateway_media_relays_created")
                .help("Relays made since start")
                .callback(cb -> cb.call(engine.stats().relaysCreated()))
                .register(registry);
        byDirection(
                engine,
                "verto_gateway_media_packets",
                "SRTP/SRTCP packets over all legs, received (authenticated) and sent",
                MediaStats::packetsReceived,
                MediaStats::packetsSent);
        byDirection(
                engine,
                "verto_gateway_media_bytes",
                "Bytes of those packets, as on the wire",
                MediaStats::bytesReceived,
                MediaStats::bytesSent);
        CounterWithCallback.builder()
                .name("verto_gateway_media_discards")
                .help("Datagrams dropped by the media plane, by reason")
                .labelNames("reason")
                .callback(cb -> {
                    for (Map.Entry<DiscardReason, Long> e :
                            engine.stats().discards().entrySet()) {
                        cb.call(e.getValue(), e.getKey().name().toLowerCase(Locale.ROOT));
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("verto_gateway_media_thread_calls")
                .help("Open calls per media thread")
                .labelNames("thread")
                .callback(cb -> {
                    int[] calls = engine.callsPerThread();
                    for (int i = 0; i < calls.length; i++) {
                        cb.call(calls[i], Integer.toString(i));
                    }
                })
                .register(registry);
        iceTcp(engine);
        callQuality = new CallQualityMetrics(registry, engine);
    }

    /** Call quality per leg, or null without media relaying. */
    public CallQualityMetrics callQuality() {
        return callQuality;
    }

    /**
     * The ICE-TCP port's figures (RFC 6544; docs/operations.md): connections open and accepted, refusals and closes
     * by reason, bytes each way with their RFC 4571 length fields, and packets dropped for a slow reader.
     */
    private void iceTcp(MediaEngine engine) {
        GaugeWithCallback.builder()
                .name("verto_gateway_media_tcp_connections")
                .help("ICE-TCP connections open now")
                .callback(cb -> cb.call(engine.tcpCounters().open()))
                .register(registry);
        CounterWithCallback.builder()
                .name("verto_gateway_media_tcp_accepted")
                .help("ICE-TCP connections accepted since start")
                .callback(cb -> cb.call(engine.tcpCounters().accepted()))
                .register(registry);
        CounterWithCallback.builder()
                .name("verto_gateway_media_tcp_closed")
                .help("ICE-TCP connections refused or closed, by reason")
                .labelNames("reason")
                .callback(cb -> {
                    TcpCounters c = engine.tcpCounters();
                    for (TcpClose r : TcpClose.values()) {
                        cb.call(c.closed(r), r.name().toLowerCase(Locale.ROOT));
                    }
                })
                .register(registry);
        CounterWithCallback.builder()
                .name("verto_gateway_media_tcp_bytes")
                .help("Bytes on ICE-TCP connections, length fields included")
                .labelNames("direction")
                .callback(cb -> {
                    TcpCounters c = engine.tcpCounters();
                    cb.call(c.bytesIn(), "received");
                    cb.call(c.bytesOut(), "sent");
                })
                .register(registry);
        CounterWithCallback.builder()
                .name("verto_gateway_media_tcp_backpressure_drops")
                .help("Packets not sent on an ICE-TCP connection whose reader fell behind (its queue was full)")
                .callback(cb -> cb.call(engine.tcpCounters().droppedForBackPressure()))
                .register(registry);
    }

    /** A counter labelled direction="received" and "sent", both read from one {@link MediaStats} per scrape. */
    private void byDirection(
            MediaEngine engine,
            String name,
            String help,
            ToLongFunction<MediaStats> received,
            ToLongFunction<MediaStats> sent) {
        CounterWithCallback.builder()
                .name(name)
                .help(help)
                .labelNames("direction")
                .callback(cb -> {
                    MediaStats s = engine.stats();
                    cb.call(received.applyAsLong(s), "received");
                    cb.call(sent.applyAsLong(s), "sent");
                })
                .register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public String contentType() {
        return writer.getContentType();
    }

    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
