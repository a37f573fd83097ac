package org.vertogw.gateway.observe;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The operator console's live streams ({@code /v1/admin/events}, docs/operations.md): open, and refused by reason. */
public final class ConsoleMetrics {

    /** Why a stream or a ticket was refused. */
    public static final java.util.List<String> REFUSALS = java.util.List.of("stream_limit", "ticket_limit", "ticket");

    public final Gauge streams;
    private final Counter refused;

    ConsoleMetrics(PrometheusRegistry registry) {
        streams = Gauge.builder()
                .name("verto_gateway_admin_event_streams")
                .help("Open /v1/admin/events streams (operator consoles)")
                .register(registry);
        refused = Counter.builder()
                .name("verto_gateway_admin_event_streams_refused")
                .help("Event streams and tickets refused, by reason")
                .labelNames("reason")
                .register(registry);
        REFUSALS.forEach(refused::labelValues);
    }

    public void refused(String reason) {
        refused.labelValues(reason).inc();
    }

    public long refusals(String reason) {
        return (long) refused.labelValues(reason).get();
    }
}
