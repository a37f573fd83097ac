package org.vertogw.protocol.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC error object, kept raw: mod_verto's error objects carry extra members ({@code callID}, {@code cause},
 * {@code causeCode}, {@code unauthorizedChannels}) and some have no {@code code} at all (docs/protocol.md §7).
 */
public record RpcError(ObjectNode raw) {

    public RpcError {
        java.util.Objects.requireNonNull(raw, "raw");
    }

    public static RpcError of(int code, String message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("code", code);
        o.put("message", message);
        return new RpcError(o);
    }

    public static RpcError of(int code, String message, JsonNode data) {
        RpcError e = of(code, message);
        if (data != null) {
            e.raw.set("data", data);
        }
        return e;
    }

    /** The code, or null when the object has none. Numeric strings count, as verto.js reads them (docs/protocol.md §8.11). */
    public Integer code() {
        JsonNode c = raw.get("code");
        if (c == null) {
            return null;
        }
        if (c.isNumber()) {
            return c.intValue();
        }
        if (c.isTextual()) {
            try {
                return Integer.parseInt(c.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public String message() {
        JsonNode m = raw.get("message");
        return m == null ? null : m.asText();
    }

    public JsonNode data() {
        return raw.get("data");
    }
}
