package org.vertogw.partition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a partition map from JSON and validates all of it (docs/partitioning.md, "The partition map"). Defaults:
 * {@code version} 0, {@code partitionBy} "domain", {@code weight} 1, {@code role} "active", no pins. Members it
 * does not know are operator fields and are ignored.
 */
public final class PartitionMapParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static PartitionMap parse(String json) throws PartitionMapException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PartitionMapException("(map)", "not JSON: " + e.getOriginalMessage());
        }
        return parse(root);
    }

    public static PartitionMap parse(JsonNode root) throws PartitionMapException {
        if (root == null || !root.isObject()) {
            throw new PartitionMapException("(map)", "must be a JSON object");
        }
        long version = 0;
        JsonNode v = root.get("version");
        if (v != null) {
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new PartitionMapException("version", "must be an integer, got " + v);
            }
            version = v.asLong();
        }
        PartitionBy by = PartitionBy.DOMAIN;
        JsonNode pb = root.get("partitionBy");
        if (pb != null) {
            by = pb.isTextual() ? PartitionBy.fromWire(pb.asText()) : null;
            if (by == null) {
                throw new PartitionMapException("partitionBy", "must be \"domain\" or \"extension\", got " + pb);
            }
        }
        JsonNode is = root.get("islands");
        if (is == null || !is.isArray()) {
            throw new PartitionMapException("islands", "must be an array of islands");
        }
        List<Island> islands = new ArrayList<>();
        for (int i = 0; i < is.size(); i++) {
            islands.add(island(is.get(i), "islands[" + i + "]"));
        }
        Map<String, String> pins = new LinkedHashMap<>();
        JsonNode p = root.get("pins");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new PartitionMapException("pins", "must be an object of domain to island id");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new PartitionMapException("pins[\"" + e.getKey() + "\"]", "must be an island id string");
                }
                pins.put(e.getKey(), e.getValue().asText());
            }
        }
        return new PartitionMap(version, by, islands, pins, urls(root.get("gateways"), "gateways"));
    }

    private static Island island(JsonNode n, String at) throws PartitionMapException {
        if (n == null || !n.isObject()) {
            throw new PartitionMapException(at, "must be an object");
        }
        JsonNode id = n.get("id");
        if (id == null || !id.isTextual()) {
            throw new PartitionMapException(at + ".id", "must be a non-empty string");
        }
        int weight = 1;
        JsonNode w = n.get("weight");
        if (w != null) {
            if (!w.isIntegralNumber() || !w.canConvertToInt()) {
                throw new PartitionMapException(at + ".weight", "must be an integer 1..64, got " + w);
            }
            weight = w.asInt();
        }
        IslandRole role = IslandRole.ACTIVE;
        JsonNode r = n.get("role");
        if (r != null) {
            role = r.isTextual() ? IslandRole.fromWire(r.asText()) : null;
            if (role == null) {
                throw new PartitionMapException(at + ".role", "must be \"active\" or \"spare\", got " + r);
            }
        }
        JsonNode verto = n.get("verto");
        if (verto != null && !verto.isNull() && !verto.isTextual()) {
            throw new PartitionMapException(at + ".verto", "must be a ws:// or wss:// URL string");
        }
        String upstream = verto == null || verto.isNull()
                ? null
                : EndpointUrl.check(verto.asText(), at + ".verto", EndpointUrl.WEBSOCKET);
        JsonNode sip = n.get("sip");
        if (sip != null && !sip.isNull() && !sip.isTextual()) {
            throw new PartitionMapException(at + ".sip", "must be a sip: or sips: URI string");
        }
        String sipUri = sip == null || sip.isNull() ? null : EndpointUrl.checkSip(sip.asText(), at + ".sip");
        return new Island(id.asText(), weight, role, upstream, urls(n.get("gateways"), at + ".gateways"), sipUri);
    }

    /** An array of WebSocket URLs (the endpoints the SDK may rotate over). */
    private static List<String> urls(JsonNode n, String at) throws PartitionMapException {
        List<String> out = strings(n, at);
        for (int i = 0; i < out.size(); i++) {
            EndpointUrl.check(out.get(i), at + "[" + i + "]", EndpointUrl.WEBSOCKET);
        }
        return out;
    }

    private static List<String> strings(JsonNode n, String at) throws PartitionMapException {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new PartitionMapException(at, "must be an array of strings");
        }
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                throw new PartitionMapException(at + "[" + i + "]", "must be a string");
            }
            out.add(n.get(i).asText());
        }
        return out;
    }

    private PartitionMapParser() {}
}
