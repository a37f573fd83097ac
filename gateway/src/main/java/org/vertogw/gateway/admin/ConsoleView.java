package org.vertogw.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.vertogw.gateway.edge.ClientSession;
import org.vertogw.gateway.edge.VertoEdge;
import org.vertogw.gateway.fleet.Fleet;
import org.vertogw.gateway.island.IslandHealth;
import org.vertogw.gateway.routing.Router;
import org.vertogw.media.MediaEngine;
import org.vertogw.partition.Island;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.RendezvousHash;

/**
 * {@code GET /v1/admin/console}, and every event of {@code /v1/admin/events}: what the operator console draws, in
 * one shape with or without a fleet (docs/operations.md, "Operator console"). In a fleet it is
 * {@link FleetView} with this gateway's draining and health, each island's pinned domains, each partition's
 * takeover flag and the calls relayed here; alone, the same built from this gateway's own probes and sessions.
 */
final class ConsoleView {

    private final String self;
    private final Router router;
    private final IslandHealth health;
    private final VertoEdge edge;
    private final Fleet fleet;
    private final MediaEngine media;
    private final Supplier<List<String>> endpoints;

    ConsoleView(
            String self,
            Router router,
            IslandHealth health,
            VertoEdge edge,
            Fleet fleet,
            MediaEngine media,
            Supplier<List<String>> endpoints) {
        this.self = self;
        this.router = router;
        this.health = health;
        this.edge = edge;
        this.fleet = fleet;
        this.media = media;
        this.endpoints = endpoints;
    }

    ObjectNode get() {
        PartitionMap map = router.map();
        ObjectNode out = fleet != null ? FleetView.of(fleet, router, health) : alone(map);
        out.put("self", self);
        out.put("mode", fleet != null ? "fleet" : "single");
        out.put("draining", edge.draining());
        String own = fleet != null && fleet.degraded() ? "degraded" : edge.draining() ? "draining" : "serving";
        out.put("health", own);
        ObjectNode gateways = (ObjectNode) out.get("gateways");
        gateways.fieldNames().forEachRemaining(id -> ((ObjectNode) gateways.get(id)).put("health", "live"));
        ObjectNode me = gateways.has(self) ? (ObjectNode) gateways.get(self) : gateways.putObject(self);
        me.put("health", own).put("self", true).put("sessions", edge.openSessions());
        ObjectNode islands = (ObjectNode) out.get("islands");
        for (Island i : map.islands()) {
            ObjectNode o = (ObjectNode) islands.get(i.id());
            o.put(
                    "verdict",
                    fleet != null ? o.path("fleet").asText() : o.path("own").asText());
            o.put("weight", i.weight());
            o.putArray("domains");
        }
        map.pins().forEach((domain, island) -> {
            JsonNode o = islands.get(island);
            if (o != null) {
                ((ObjectNode) o).withArray("domains").add(domain);
            }
        });
        ObjectNode partitions = (ObjectNode) out.get("partitions");
        partitions.fieldNames().forEachRemaining(home -> {
            ObjectNode p = (ObjectNode) partitions.get(home);
            p.put("takeover", !home.equals(p.path("island").asText(home)));
        });
        out.set("calls", CallsView.of(media));
        return out;
    }

    /** A gateway on its own: its probes are the verdict, its sessions the load, partitions follow the selector. */
    private ObjectNode alone(PartitionMap map) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("degraded", false);
        out.put("mapVersion", map.version());
        Map<String, Integer> sessions = new HashMap<>();
        Map<String, Integer> calls = new HashMap<>();
        for (ClientSession s : edge.sessions()) {
            if (s.islandId() != null) {
                sessions.merge(s.islandId(), 1, Integer::sum);
                calls.merge(s.islandId(), s.activeCalls(), Integer::sum);
            }
        }
        ObjectNode me = out.putObject("gateways").putObject(self);
        endpoints.get().forEach(me.putArray("endpoints")::add);
        sessions.forEach(me.putObject("sessionsByIsland")::put);
        calls.forEach(me.putObject("callsByIsland")::put);
        ObjectNode islands = out.putObject("islands");
        for (Island i : map.islands()) {
            String verdict = health.state(i.id()).name().toLowerCase(Locale.ROOT);
            ObjectNode o = islands.putObject(i.id());
            o.put("role", i.role().wire());
            o.put("own", verdict);
            o.putObject("gateways").put(self, verdict);
            o.put("sessions", sessions.getOrDefault(i.id(), 0));
            o.put("calls", calls.getOrDefault(i.id(), 0));
        }
        Set<String> down = health.down();
        List<Island> sparesUp =
                map.spares().stream().filter(s -> !down.contains(s.id())).toList();
        ObjectNode partitions = out.putObject("partitions");
        for (Island home : map.actives()) {
            ObjectNode p = partitions.putObject(home.id());
            if (!down.contains(home.id())) {
                p.put("island", home.id());
            } else if (!sparesUp.isEmpty()) {
                p.put("island", RendezvousHash.spareFor(home.id(), sparesUp).id());
            } else {
                p.putNull("island"); // spread over the active islands still up, or nowhere
            }
        }
        return out;
    }
}
