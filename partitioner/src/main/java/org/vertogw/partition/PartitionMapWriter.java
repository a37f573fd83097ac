package org.vertogw.partition;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A map as JSON, in the form {@link PartitionMapParser} reads: what an operator edits and what the fleet stores.
 * Writing then parsing gives the same map.
 */
public final class PartitionMapWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PartitionMapWriter() {}

    public static ObjectNode toJson(PartitionMap map) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("version", map.version());
        out.put("partitionBy", map.partitionBy().wire());
        ArrayNode islands = out.putArray("islands");
        for (Island i : map.islands()) {
            ObjectNode o = islands.addObject();
            o.put("id", i.id());
            o.put("role", i.role().wire());
            o.put("weight", i.weight());
            if (i.verto() != null) {
                o.put("verto", i.verto());
            }
            if (i.sip() != null) {
                o.put("sip", i.sip());
            }
            if (!i.gateways().isEmpty()) {
                ArrayNode g = o.putArray("gateways");
                i.gateways().forEach(g::add);
            }
        }
        ObjectNode pins = out.putObject("pins");
        map.pins().forEach(pins::put);
        if (!map.gateways().isEmpty()) {
            ArrayNode g = out.putArray("gateways");
            map.gateways().forEach(g::add);
        }
        return out;
    }

    public static String toText(PartitionMap map) {
        return toJson(map).toString();
    }
}
