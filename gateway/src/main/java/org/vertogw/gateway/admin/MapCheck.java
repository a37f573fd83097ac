package org.vertogw.gateway.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.vertogw.gateway.fleet.FailbackPolicy;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapException;
import org.vertogw.partition.PartitionMapParser;

/**
 * A proposed partition map checked as {@code PUT /v1/admin/partition-map} checks it, without applying it: the
 * whole map validated ({@code 400} naming the field), in a fleet the failback policy too, and the version against
 * the one in use ({@code 409} when it does not grow). {@code POST /v1/admin/partition-map/validate} answers with
 * exactly these refusals, so the console refuses what the save would.
 */
record MapCheck(PartitionMap map, FailbackPolicy policy, int status, ObjectNode error) {

    static MapCheck of(String body, boolean fleet, long current) {
        PartitionMap next;
        try {
            next = PartitionMapParser.parse(body);
        } catch (PartitionMapException e) {
            ObjectNode err =
                    Json.MAPPER.createObjectNode().put("error", e.getMessage()).put("field", e.field());
            return new MapCheck(null, null, 400, err);
        }
        FailbackPolicy policy = null;
        if (fleet) {
            try {
                policy = FailbackPolicy.of(Json.MAPPER.readTree(body));
            } catch (IllegalArgumentException | IOException e) {
                return new MapCheck(
                        null, null, 400, Json.MAPPER.createObjectNode().put("error", e.getMessage()));
            }
        }
        if (next.version() <= current) {
            return new MapCheck(null, null, 409, stale(next.version(), current, fleet));
        }
        return new MapCheck(next, policy, 200, null);
    }

    /** The words of the fleet's own compare-and-swap refusal in a fleet (SharedMap), so both read the same. */
    static ObjectNode stale(long version, long current, boolean fleet) {
        return Json.MAPPER
                .createObjectNode()
                .put(
                        "error",
                        "stale: version " + version + " does not grow past " + (fleet ? "the fleet's version " : "")
                                + current)
                .put("current", current);
    }

    boolean ok() {
        return status == 200;
    }
}
