package org.vertogw.gateway.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vertogw.gateway.fleet.Assignment;
import org.vertogw.gateway.fleet.Fleet;
import org.vertogw.gateway.fleet.MemberRecord;
import org.vertogw.gateway.island.IslandHealth;
import org.vertogw.gateway.routing.Router;
import org.vertogw.partition.Island;
import org.vertogw.partition.PartitionMap;

/**
 * {@code GET /v1/admin/fleet} (docs/operations.md, "Fleet on etcd"): the live gateways with their load, each island
 * with the fleet's verdict and every gateway's own, each partition with its island and epoch, and sessions and
 * calls per island, as this gateway last read them from etcd.
 */
final class FleetView {

    static ObjectNode of(Fleet fleet, Router router, IslandHealth health) {
        PartitionMap map = router.map();
        Map<String, MemberRecord> members = fleet.state().members();
        Set<String> down = fleet.down();
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("self", fleet.self());
        out.put("degraded", fleet.degraded());
        out.put("decider", fleet.deciding());
        out.put("mapVersion", map.version());
        out.put("failback", fleet.failback().wire());
        out.put("failbackHomeUpForMs", fleet.failback().homeUpFor().toMillis());
        ObjectNode gateways = out.putObject("gateways");
        for (MemberRecord m : members.values()) {
            ObjectNode g = gateways.putObject(m.id());
            m.endpoints().forEach(g.putArray("endpoints")::add);
            g.put("sessions", m.sessions());
            m.sessionsByIsland().forEach(g.putObject("sessionsByIsland")::put);
            ObjectNode calls = g.putObject("callsByIsland");
            m.callsByIsland()
                    .forEach((island, byHome) -> calls.put(
                            island,
                            byHome.values().stream().mapToInt(Integer::intValue).sum()));
        }
        ObjectNode islands = out.putObject("islands");
        for (Island i : map.islands()) {
            ObjectNode o = islands.putObject(i.id());
            o.put("role", i.role().wire());
            o.put("fleet", down.contains(i.id()) ? "down" : "up");
            o.put("own", health.state(i.id()).name().toLowerCase(Locale.ROOT));
            ObjectNode each = o.putObject("gateways");
            members.values().forEach(m -> each.put(m.id(), m.verdicts().getOrDefault(i.id(), "unknown")));
            o.put(
                    "sessions",
                    members.values().stream()
                            .mapToInt(m -> m.sessionsByIsland().getOrDefault(i.id(), 0))
                            .sum());
            o.put(
                    "calls",
                    members.values().stream()
                            .mapToInt(m -> m.callsByIsland().getOrDefault(i.id(), Map.of()).values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum())
                            .sum());
        }
        ObjectNode partitions = out.putObject("partitions");
        Assignment a = fleet.state().assignment();
        for (Island home : map.actives()) {
            Assignment.Placed p = a.of(home.id());
            partitions.putObject(home.id()).put("island", p.island()).put("epoch", p.epoch());
        }
        return out;
    }

    private FleetView() {}
}
