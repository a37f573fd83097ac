package org.vertogw.protocol.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A request. {@code params} is the raw object as received, so members that no record models survive a relay
 * unchanged (verto.js sends large heterogeneous {@code dialogParams}, docs/protocol.md §4.2). A missing {@code params} member is
 * represented as an empty object; FreeSWITCH treats both alike for everything but {@code login} (docs/protocol.md §3.4).
 */
/** A missing {@code id} is a {@link MissingNode} (a notification); an explicit {@code "id": null} stays a null node. */
public record JsonRpcRequest(JsonNode id, String method, ObjectNode params, boolean hadParams)
        implements JsonRpcMessage {

    public JsonRpcRequest {
        Objects.requireNonNull(method, "method");
        id = id == null ? MissingNode.getInstance() : id;
        params = params == null ? JsonNodeFactory.instance.objectNode() : params;
    }

    public static JsonRpcRequest of(JsonNode id, String method, ObjectNode params) {
        return new JsonRpcRequest(id, method, params, true);
    }

    public boolean isNotification() {
        return id.isNull() || id.isMissingNode();
    }

    public JsonRpcRequest withId(JsonNode newId) {
        return new JsonRpcRequest(newId, method, params, hadParams);
    }

    public JsonRpcRequest withParams(ObjectNode newParams) {
        return new JsonRpcRequest(id, method, newParams, true);
    }

    /** {@code params.sessid} as text, or null. */
    public String sessid() {
        JsonNode s = params.get("sessid");
        return s != null && s.isTextual() ? s.asText() : null;
    }
}
