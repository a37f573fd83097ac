package org.vertogw.protocol.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A successful response. The result is usually an object, but any JSON value is carried as is. */
public record JsonRpcResult(JsonNode id, JsonNode result) implements JsonRpcResponse {

    public JsonRpcResult {
        id = id == null ? NullNode.getInstance() : id;
        result = result == null ? NullNode.getInstance() : result;
    }

    public JsonRpcResult withId(JsonNode newId) {
        return new JsonRpcResult(newId, result);
    }

    /** The result as an object, or null when it is some other JSON value. */
    public ObjectNode resultObject() {
        return result instanceof ObjectNode o ? o : null;
    }
}
