package org.vertogw.gateway.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.edge.ClientSession;
import org.vertogw.gateway.edge.VertoEdge;
import org.vertogw.gateway.island.IslandHealth;
import org.vertogw.gateway.observe.GatewayMetrics;
import org.vertogw.gateway.routing.Router;
import org.vertogw.partition.Island;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapException;
import org.vertogw.partition.PartitionMapParser;

/**
 * The gateway's HTTP API: {@code /healthz} for keepalived and load balancers, {@code /v1/partition-map} for the
 * SDK, {@code /metrics} for Prometheus, and the operator's {@code /v1/admin/*}
 * (bearer token, or loopback clients only when no token is configured).
 */
public final class ApiHandler extends Handler.Abstract {

    private static final int MAX_BODY = 1 << 20;

    private final GatewayConfig config;
    private final Router router;
    private final IslandHealth health;
    private final VertoEdge edge;
    private final GatewayMetrics metrics;
    private final Supplier<List<String>> gateways;

    public ApiHandler(
            GatewayConfig config,
            Router router,
            IslandHealth health,
            VertoEdge edge,
            GatewayMetrics metrics,
            Supplier<List<String>> gateways) {
        this.config = config;
        this.router = router;
        this.health = health;
        this.edge = edge;
        this.metrics = metrics;
        this.gateways = gateways;
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
                return Json.send(response, callback, serving ? 200 : 503, body);
            }
            case "/v1/partition-map" -> {
                Fields q = Request.extractQueryParameters(request);
                return Json.send(
                        response,
                        callback,
                        200,
                        PublicMap.of(router.map(), health.down(), gateways.get(), q.getValue("domain")));
            }
            case "/metrics" -> {
                metrics.mapVersion.set(router.map().version());
                for (Island i : router.map().islands()) {
                    metrics.islandUp.labelValues(i.id()).set(health.down().contains(i.id()) ? 0 : 1);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                metrics.write(out);
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, metrics.contentType());
                response.write(true, ByteBuffer.wrap(out.toByteArray()), callback);
                return true;
            }
            default -> {
                if (path.startsWith("/v1/admin/")) {
                    return admin(path.substring("/v1/admin/".length()), method, request, response, callback);
                }
                return false;
            }
        }
    }

    private boolean admin(String what, String method, Request request, Response response, Callback callback)
            throws Exception {
        if (!authorized(request)) {
            return Json.error(response, callback, 403, "admin API: bearer token required (or a loopback client)");
        }
        switch (what) {
            case "islands" -> {
                ArrayNode out = Json.MAPPER.createArrayNode();
                PartitionMap m = router.map();
                Map<String, Long> load = new java.util.HashMap<>();
                for (ClientSession s : edge.sessions()) {
                    if (s.islandId() != null) {
                        load.merge(s.islandId(), 1L, Long::sum);
                    }
                }
                for (Island i : m.islands()) {
                    out.addObject()
                            .put("id", i.id())
                            .put("role", i.role().wire())
                            .put("weight", i.weight())
                            .put("state", health.state(i.id()).name().toLowerCase(java.util.Locale.ROOT))
                            .put("verto", i.verto())
                            .put("sessions", load.getOrDefault(i.id(), 0L));
                }
                return Json.send(response, callback, 200, out);
            }
            case "sessions" -> {
                ArrayNode out = Json.MAPPER.createArrayNode();
                for (ClientSession s : edge.sessions()) {
                    out.addObject()
                            .put("sessid", s.sessid())
                            .put("login", s.login())
                            .put("island", s.islandId())
                            .put("state", s.state().name())
                            .put("remote", s.remoteAddress());
                }
                return Json.send(response, callback, 200, out);
            }
            case "drain", "undrain" -> {
                if (!"POST".equals(method)) {
                    return Json.error(response, callback, 405, "POST only");
                }
                edge.drain(what.equals("drain"));
                return Json.send(
                        response, callback, 200, Json.MAPPER.createObjectNode().put("draining", edge.draining()));
            }
            case "partition-map" -> {
                if ("GET".equals(method)) {
                    return Json.send(
                            response, callback, 200, PublicMap.of(router.map(), health.down(), gateways.get(), null));
                }
                if (!"PUT".equals(method)) {
                    return Json.error(response, callback, 405, "GET or PUT");
                }
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                if (body.length() > MAX_BODY) {
                    return Json.error(response, callback, 413, "map too large");
                }
                PartitionMap next;
                try {
                    next = PartitionMapParser.parse(body);
                } catch (PartitionMapException e) {
                    ObjectNode err = Json.MAPPER
                            .createObjectNode()
                            .put("error", e.getMessage())
                            .put("field", e.field());
                    return Json.send(response, callback, 400, err);
                }
                if (next.version() <= router.map().version()) {
                    return Json.error(
                            response,
                            callback,
                            409,
                            "version " + next.version() + " does not grow past "
                                    + router.map().version());
                }
                router.apply(next);
                return Json.send(
                        response, callback, 200, Json.MAPPER.createObjectNode().put("version", next.version()));
            }
            default -> {
                return Json.error(response, callback, 404, "unknown admin resource");
            }
        }
    }

    private boolean authorized(Request request) {
        String token = config.adminToken();
        if (token == null) {
            java.net.SocketAddress a = request.getConnectionMetaData().getRemoteSocketAddress();
            if (a instanceof java.net.InetSocketAddress i) {
                InetAddress addr = i.getAddress();
                return addr != null && addr.isLoopbackAddress();
            }
            return false;
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String expected = "Bearer " + token;
        return header != null
                && MessageDigest.isEqual(
                        header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
