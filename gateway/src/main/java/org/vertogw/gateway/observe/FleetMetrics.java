package org.vertogw.gateway.observe;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The metrics of a gateway that is part of a fleet (docs/operations.md, "Monitoring"); registered only then, so
 * that a gateway on its own never reports itself cut off from an etcd it does not use.
 */
public final class FleetMetrics {

    /** 1 while etcd is reached (watch and lease), 0 while degraded on the last state read. */
    public final Gauge connected;
    /** 1 while this gateway is the fleet's decider. */
    public final Gauge deciding;
    /** The fleet's verdict per island: 1 up, 0 down. */
    public final Gauge islandUp;

    private final Counter decisions;

    FleetMetrics(PrometheusRegistry registry) {
        connected = Gauge.builder()
                .name("verto_gateway_fleet_connected")
                .help("1 while the fleet's etcd is reached, 0 while degraded on the last state read")
                .register(registry);
        deciding = Gauge.builder()
                .name("verto_gateway_fleet_deciding")
                .help("1 while this gateway decides failovers and failbacks for the fleet")
                .register(registry);
        islandUp = Gauge.builder()
                .name("verto_gateway_fleet_island_up")
                .help("Island health by the fleet's verdict (a majority of live gateways)")
                .labelNames("island")
                .register(registry);
        decisions = Counter.builder()
                .name("verto_gateway_fleet_decisions")
                .help("Assignments of partitions this gateway wrote as the fleet's decider")
                .register(registry);
    }

    public void decision() {
        decisions.inc();
    }

    public long decisions() {
        return (long) decisions.get();
    }
}
