package org.vertogw.gateway.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.vertogw.partition.Island;
import org.vertogw.partition.KeyFolding;
import org.vertogw.partition.PartitionMap;

/**
 * The partition map as the world may see it (docs/protocol.md §10.2): ids, roles, weights and health, the
 * gateway endpoints, and only the pin of the domain asked for. Upstream URLs and credentials never appear.
 */
public final class PublicMap {

    public static ObjectNode of(PartitionMap map, Set<String> down, List<String> gateways, String domain) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("version", map.version());
        out.put("partitionBy", map.partitionBy().wire());
        ArrayNode islands = out.putArray("islands");
        for (Island i : map.islands()) {
            ObjectNode o = islands.addObject();
            o.put("id", i.id());
            o.put("role", i.role().wire());
            o.put("weight", i.weight());
            o.put("state", down.contains(i.id()) ? "down" : "up");
            if (!i.gateways().isEmpty()) {
                ArrayNode g = o.putArray("gateways");
                i.gateways().forEach(g::add);
            }
        }
        ObjectNode pins = out.putObject("pins");
        if (domain != null && !domain.isBlank()) {
            try {
                String folded = KeyFolding.fold(domain, "domain");
                String pin = map.pins().get(folded);
                if (pin != null) {
                    pins.put(folded, pin);
                }
            } catch (IllegalArgumentException ignored) {
                // an empty domain has no pin
            }
        }
        ArrayNode g = out.putArray("gateways");
        gateways.forEach(g::add);
        return out;
    }

    private PublicMap() {}
}
