package org.vertogw.protocol.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** An error response. */
public record JsonRpcError(JsonNode id, RpcError error) implements JsonRpcResponse {

    public JsonRpcError {
        id = id == null ? NullNode.getInstance() : id;
        java.util.Objects.requireNonNull(error, "error");
    }

    public JsonRpcError withId(JsonNode newId) {
        return new JsonRpcError(newId, error);
    }
}
