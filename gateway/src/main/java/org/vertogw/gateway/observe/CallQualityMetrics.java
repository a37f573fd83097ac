package org.vertogw.gateway.observe;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.WeakHashMap;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.PathQuality;
import org.vertogw.media.rtcp.LegQuality;

/**
 * Call quality per leg as Prometheus histograms (docs/operations.md, "Call quality"): loss ratio, jitter and
 * round-trip time, labelled {@code leg} = {@code browser} or {@code island}. The media thread only updates each
 * leg's {@link LegQuality}; {@link #sample} (every few seconds and at each scrape) observes each leg's latest figure
 * once per new report, so a leg reporting several times between two samples counts once.
 */
public final class CallQualityMetrics {

    public static final String BROWSER = "browser";
    public static final String ISLAND = "island";

    private final MediaEngine engine;
    private final Histogram loss;
    private final Histogram jitter;
    private final Histogram rtt;
    /** Per leg, the report and round-trip counts already observed; legs of closed relays fall away with them. */
    private final Map<LegQuality, long[]> seen = new WeakHashMap<>();

    CallQualityMetrics(PrometheusRegistry registry, MediaEngine engine) {
        this.engine = engine;
        this.loss = Histogram.builder()
                .name("verto_gateway_call_loss_ratio")
                .help("Fraction lost of each leg's latest RTCP reception report (RFC 3550 6.4.1)")
                .labelNames("leg")
                .classicOnly()
                .classicUpperBounds(0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1)
                .register(registry);
        this.jitter = Histogram.builder()
                .name("verto_gateway_call_jitter_seconds")
                .help("Interarrival jitter of each leg's latest RTCP reception report")
                .labelNames("leg")
                .classicOnly()
                .classicUpperBounds(0.001, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.5)
                .register(registry);
        this.rtt = Histogram.builder()
                .name("verto_gateway_call_rtt_seconds")
                .help("Round-trip time between the gateway and each leg's peer, from RTCP SR/RR")
                .labelNames("leg")
                .classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2)
                .register(registry);
        for (String leg : new String[] {BROWSER, ISLAND}) {
            loss.labelValues(leg);
            jitter.labelValues(leg);
            rtt.labelValues(leg);
        }
    }

    /** Observes the legs of every open relay that reported since the last sample. */
    public synchronized void sample() {
        for (MediaRelay relay : engine.openRelays()) {
            for (PathQuality q : relay.quality().sections()) {
                if (q != null) {
                    observe(BROWSER, q.browser());
                    observe(ISLAND, q.island());
                }
            }
        }
    }

    private void observe(String leg, LegQuality q) {
        long[] last = seen.computeIfAbsent(q, k -> new long[2]);
        long reports = q.reports();
        if (reports > last[0]) {
            last[0] = reports;
            loss.labelValues(leg).observe(q.lossRatio());
            jitter.labelValues(leg).observe(q.jitterSeconds());
        }
        long roundTrips = q.roundTrips();
        if (roundTrips > last[1]) {
            last[1] = roundTrips;
            rtt.labelValues(leg).observe(q.rttSeconds());
        }
    }
}
