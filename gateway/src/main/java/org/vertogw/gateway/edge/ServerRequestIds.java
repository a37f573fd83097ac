package org.vertogw.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Island requests delivered to the browser, by the id the gateway gave them downstream. verto.js answers only some
 * of them (never events, clientReady or punt, docs/protocol.md §8.5), so the table keeps the most recent {@code capacity} and
 * forgets older ones instead of growing.
 */
final class ServerRequestIds {

    private final Map<Long, JsonNode> islandIdByDownstream;
    private long next = 1;

    ServerRequestIds(int capacity) {
        this.islandIdByDownstream = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, JsonNode> eldest) {
                return size() > capacity;
            }
        };
    }

    long add(JsonNode islandId) {
        long id = next++;
        islandIdByDownstream.put(id, islandId);
        return id;
    }

    /** The island's id for a browser response, removed; null when unknown or forgotten. */
    JsonNode take(JsonNode downstreamId) {
        if (downstreamId == null) {
            return null;
        }
        long id;
        if (downstreamId.isIntegralNumber() && downstreamId.canConvertToLong()) {
            id = downstreamId.asLong();
        } else if (downstreamId.isTextual()) {
            // verto.js keys pending requests by id as an object key, so "5" and 5 are one id (docs/protocol.md §8.11).
            try {
                id = Long.parseLong(downstreamId.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return islandIdByDownstream.remove(id);
    }
}
