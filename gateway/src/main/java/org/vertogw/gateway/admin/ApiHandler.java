package org.vertogw.gateway.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.edge.VertoEdge;
import org.vertogw.gateway.fleet.Fleet;
import org.vertogw.gateway.island.IslandHealth;
import org.vertogw.gateway.observe.CallQualityMetrics;
import org.vertogw.gateway.observe.FleetMetrics;
import org.vertogw.gateway.observe.GatewayMetrics;
import org.vertogw.gateway.routing.Router;
import org.vertogw.media.MediaEngine;
import org.vertogw.partition.Island;

/**
 * The gateway's HTTP API: {@code /healthz} for keepalived and load balancers, {@code /v1/partition-map} for the
 * SDK, {@code /metrics} for Prometheus and the operator's {@code /v1/admin/*} ({@link AdminApi}); both of these
 * behind {@link AdminAccess}, with the operator console's event stream ({@link AdminEvents}). The islands ask {@code /v1/route} ({@link RouteApi}) where a dialled user lives.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final int MAX_BODY = 1 << 20;

    private final GatewayConfig config;
    private final Router router;
    private final IslandHealth health;
    private final VertoEdge edge;
    private final GatewayMetrics metrics;
    private final Supplier<List<String>> gateways;
    private final AdminAccess access;
    private final AdminApi admin;
    private final AdminEvents events;
    private final RouteApi route;
    private final Fleet fleet;

    /**
     * @param fleet the fleet this gateway belongs to; null for a gateway on its own
     * @param media the media engine, null for a signaling-only gateway
     * @param scheduler runs the console's event ticks and the call-quality samples
     */
    public ApiHandler(
            GatewayConfig config,
            Router router,
            IslandHealth health,
            VertoEdge edge,
            GatewayMetrics metrics,
            Supplier<List<String>> gateways,
            Fleet fleet,
            MediaEngine media,
            ScheduledExecutorService scheduler) {
        this.config = config;
        this.router = router;
        this.health = health;
        this.edge = edge;
        this.metrics = metrics;
        this.gateways = gateways;
        this.access = new AdminAccess(config);
        this.fleet = fleet;
        ConsoleView console = new ConsoleView(config.id(), router, health, edge, fleet, media, gateways);
        this.events = new AdminEvents(console::get, config.limits().adminEventStreams(), metrics.console, scheduler);
        router.onMapChange(m -> events.changed());
        this.admin = new AdminApi(access, router, health, edge, fleet, media, events, console::get);
        CallQualityMetrics quality = metrics.callQuality();
        if (quality != null) {
            scheduler.scheduleWithFixedDelay(quality::sample, 2, 2, TimeUnit.SECONDS);
        }
        this.route = new RouteApi(config, router, metrics, config.limits().routeLookupsPerSecond());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        switch (path) {
            case "/healthz" -> {
                boolean serving = !edge.draining();
                ObjectNode body = Json.MAPPER
                        .createObjectNode()
                        .put("status", serving ? "serving" : "draining")
                        .put("gateway", config.id())
                        .put("sessions", edge.openSessions())
                        .put("mapVersion", router.map().version());
                if (fleet != null) {
                    // a degraded gateway keeps serving (its last state) and says so; it decides nothing
                    body.put("fleet", fleet.degraded() ? "degraded" : "connected");
                }
                return Json.send(response, callback, serving ? 200 : 503, body);
            }
            case "/v1/route" -> {
                return route.handle(request, response, callback);
            }
            case "/v1/partition-map" -> {
                Fields q = Request.extractQueryParameters(request);
                return Json.send(
                        response,
                        callback,
                        200,
                        PublicMap.of(
                                router.map(),
                                fleet == null ? health.down() : fleet.down(),
                                fleet == null ? gateways.get() : fleet.endpoints(),
                                q.getValue("domain")));
            }
            case "/metrics" -> {
                AdminAccess.Refusal refused = access.read(request);
                if (refused != null) {
                    return Json.error(response, callback, refused.status(), refused.message());
                }
                metrics.mapVersion.set(router.map().version());
                if (metrics.callQuality() != null) {
                    metrics.callQuality().sample();
                }
                for (Island i : router.map().islands()) {
                    metrics.islandUp.labelValues(i.id()).set(health.down().contains(i.id()) ? 0 : 1);
                }
                if (fleet != null) {
                    FleetMetrics fm = metrics.fleet();
                    fm.connected.set(fleet.degraded() ? 0 : 1);
                    fm.deciding.set(fleet.deciding() ? 1 : 0);
                    for (Island i : router.map().islands()) {
                        fm.islandUp.labelValues(i.id()).set(fleet.down().contains(i.id()) ? 0 : 1);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                metrics.write(out);
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, metrics.contentType());
                response.write(true, ByteBuffer.wrap(out.toByteArray()), callback);
                return true;
            }
            case "/v1/admin/events" -> {
                return events.stream(request, response, callback); // a ticket, not the token (AdminEvents)
            }
            default -> {
                if (path.startsWith("/v1/admin/")) {
                    return admin.handle(path.substring("/v1/admin/".length()), request, response, callback);
                }
                return false;
            }
        }
    }
}
