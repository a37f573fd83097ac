package org.vertogw.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Browser requests in flight to the island, by the id the gateway gave them upstream. Ids are remapped per
 * direction (docs/protocol.md §1.3) so the gateway's own requests never collide with the browser's.
 */
final class PendingRequests {

    /** One request: the browser's own id, its method and call, for the response and for cleanup. */
    record Pending(JsonNode browserId, String method, String callId) {}

    private final Map<Long, Pending> byUpstreamId = new HashMap<>();
    private final int limit;
    private long next = 1;

    PendingRequests(int limit) {
        this.limit = limit;
    }

    /** The upstream id for a new request, or -1 when too many are in flight. */
    long add(Pending p) {
        if (byUpstreamId.size() >= limit) {
            return -1;
        }
        long id = next++;
        byUpstreamId.put(id, p);
        return id;
    }

    /** The request an island response answers, removed; null for an id we never sent. */
    Pending take(JsonNode upstreamId) {
        return upstreamId != null && upstreamId.canConvertToLong() && upstreamId.isIntegralNumber()
                ? byUpstreamId.remove(upstreamId.asLong())
                : null;
    }

    /** Everything still in flight, removed: the link is gone and each gets an error. */
    List<Pending> drain() {
        List<Pending> out = new ArrayList<>(byUpstreamId.values());
        byUpstreamId.clear();
        return out;
    }

    int size() {
        return byUpstreamId.size();
    }
}
