package org.vertogw.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.vertogw.gateway.edge.ClientSession;
import org.vertogw.gateway.edge.VertoEdge;
import org.vertogw.gateway.fleet.Fleet;
import org.vertogw.gateway.fleet.FleetWrite;
import org.vertogw.gateway.island.IslandHealth;
import org.vertogw.gateway.routing.Router;
import org.vertogw.media.MediaEngine;
import org.vertogw.partition.Island;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapWriter;

/**
 * The operator's {@code /v1/admin/*} (docs/operations.md): islands and sessions, draining, and the partition map in
 * the operator's form (with upstream URLs and every pin). A new map is read within {@value #MAX_BODY} bytes,
 * validated whole and applied only then; a refused one is answered 400 naming the field.
 */
final class AdminApi {

    static final int MAX_BODY = 1 << 20;

    private final AdminAccess access;
    private final Router router;
    private final IslandHealth health;
    private final VertoEdge edge;
    private final Fleet fleet;
    private final MediaEngine media;
    private final AdminEvents events;
    private final Supplier<ObjectNode> console;

    /**
     * @param fleet the fleet this gateway belongs to; null for a gateway on its own
     * @param media the media engine, null for a signaling-only gateway
     */
    AdminApi(
            AdminAccess access,
            Router router,
            IslandHealth health,
            VertoEdge edge,
            Fleet fleet,
            MediaEngine media,
            AdminEvents events,
            Supplier<ObjectNode> console) {
        this.access = access;
        this.router = router;
        this.health = health;
        this.edge = edge;
        this.fleet = fleet;
        this.media = media;
        this.events = events;
        this.console = console;
    }

    boolean handle(String what, Request request, Response response, Callback callback) throws IOException {
        String method = request.getMethod();
        boolean change = !"GET".equals(method) && !"HEAD".equals(method);
        AdminAccess.Refusal refusal = change ? access.write(request) : access.read(request);
        if (refusal != null) {
            return Json.error(response, callback, refusal.status(), refusal.message());
        }
        return switch (what) {
            case "islands" -> get(method, response, callback, this::islands);
            case "sessions" -> get(method, response, callback, this::sessions);
            case "drain", "undrain" -> {
                if (!"POST".equals(method)) {
                    yield Json.error(response, callback, 405, "POST only");
                }
                edge.drain(what.equals("drain"));
                events.changed();
                yield Json.send(
                        response, callback, 200, Json.MAPPER.createObjectNode().put("draining", edge.draining()));
            }
            case "partition-map" ->
                switch (method) {
                    case "GET" -> Json.send(response, callback, 200, PartitionMapWriter.toJson(router.map()));
                    case "PUT" -> putMap(request, response, callback, true);
                    default -> Json.error(response, callback, 405, "GET or PUT");
                };
            case "partition-map/validate" ->
                "POST".equals(method)
                        ? putMap(request, response, callback, false)
                        : Json.error(response, callback, 405, "POST only");
            case "calls" -> get(method, response, callback, () -> CallsView.of(media));
            case "console" ->
                "GET".equals(method)
                        ? Json.send(response, callback, 200, console.get())
                        : Json.error(response, callback, 405, "GET only");
            case "events/ticket" ->
                "POST".equals(method)
                        ? events.ticket(response, callback)
                        : Json.error(response, callback, 405, "POST only");
            case "fleet" ->
                fleet == null
                        ? Json.error(response, callback, 404, "this gateway is not part of a fleet")
                        : "GET".equals(method)
                                ? Json.send(response, callback, 200, FleetView.of(fleet, router, health))
                                : Json.error(response, callback, 405, "GET only");
            case "move" -> move(method, request, response, callback);
            default -> Json.error(response, callback, 404, "unknown admin resource");
        };
    }

    /** {@code POST /v1/admin/move {"partition": home island, "island": id}}: an operator's move in a fleet. */
    private boolean move(String method, Request request, Response response, Callback callback) throws IOException {
        if (fleet == null) {
            return Json.error(response, callback, 404, "this gateway is not part of a fleet");
        }
        if (!"POST".equals(method)) {
            return Json.error(response, callback, 405, "POST only");
        }
        String body = read(request);
        if (body == null) {
            return Json.error(response, callback, 413, "body larger than " + MAX_BODY + " bytes");
        }
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Json.error(response, callback, 400, "not JSON");
        }
        JsonNode partition = n == null ? null : n.get("partition");
        JsonNode island = n == null ? null : n.get("island");
        if (partition == null || !partition.isTextual() || island == null || !island.isTextual()) {
            return Json.error(response, callback, 400, "partition and island (island ids) are required");
        }
        FleetWrite o = fleet.move(partition.asText(), island.asText());
        return outcome(response, callback, o);
    }

    private static boolean outcome(Response response, Callback callback, FleetWrite o) {
        return o.status() == 200
                ? Json.send(
                        response, callback, 200, Json.MAPPER.createObjectNode().put("result", o.message()))
                : Json.error(response, callback, o.status(), o.message());
    }

    private static boolean get(String method, Response response, Callback callback, Supplier<ArrayNode> view) {
        return "GET".equals(method)
                ? Json.send(response, callback, 200, view.get())
                : Json.error(response, callback, 405, "GET only");
    }

    private ArrayNode islands() {
        ArrayNode out = Json.MAPPER.createArrayNode();
        Map<String, Long> load = new HashMap<>();
        for (ClientSession s : edge.sessions()) {
            String island = s.islandId();
            if (island != null) {
                load.merge(island, 1L, Long::sum);
            }
        }
        for (Island i : router.map().islands()) {
            out.addObject()
                    .put("id", i.id())
                    .put("role", i.role().wire())
                    .put("weight", i.weight())
                    .put("state", health.state(i.id()).name().toLowerCase(Locale.ROOT))
                    .put("verto", i.verto())
                    .put("sessions", load.getOrDefault(i.id(), 0L));
        }
        return out;
    }

    private ArrayNode sessions() {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (ClientSession s : edge.sessions()) {
            out.addObject()
                    .put("sessid", s.sessid())
                    .put("login", s.login())
                    .put("island", s.islandId())
                    .put("state", s.state().name())
                    .put("remote", s.remoteAddress());
        }
        return out;
    }

    /**
     * {@code PUT /v1/admin/partition-map} applies a checked map ({@link MapCheck}); {@code POST .../validate} checks
     * it only. In a fleet the version is checked again by the compare-and-swap on etcd.
     */
    private boolean putMap(Request request, Response response, Callback callback, boolean apply) throws IOException {
        String body = read(request);
        if (body == null) {
            return Json.error(response, callback, 413, "map larger than " + MAX_BODY + " bytes");
        }
        MapCheck check = MapCheck.of(body, fleet != null, router.map().version());
        if (!check.ok()) {
            return Json.send(response, callback, check.status(), check.error());
        }
        PartitionMap next = check.map();
        if (!apply) {
            ObjectNode ok = Json.MAPPER.createObjectNode().put("valid", true).put("version", next.version());
            return Json.send(
                    response, callback, 200, ok.put("islands", next.islands().size()));
        }
        if (fleet != null) {
            FleetWrite o = fleet.putMap(body, next, check.policy());
            return o.status() == 200
                    ? Json.send(
                            response,
                            callback,
                            200,
                            Json.MAPPER.createObjectNode().put("version", next.version()))
                    : Json.error(response, callback, o.status(), o.message());
        }
        router.apply(next); // its listeners include the console's event stream
        return Json.send(response, callback, 200, Json.MAPPER.createObjectNode().put("version", next.version()));
    }

    /** The body, or null past {@link #MAX_BODY} (a declared length over it is refused before reading anything). */
    static String read(Request request) throws IOException {
        long declared = request.getHeaders().getLongField("Content-Length");
        if (declared > MAX_BODY) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : new String(body, StandardCharsets.UTF_8);
        }
    }
}
