package org.vertogw.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.vertogw.protocol.jsonrpc.JsonRpcError;
import org.vertogw.protocol.jsonrpc.RpcError;

/**
 * A frame that is not a usable JSON-RPC message. It carries the error response mod_verto would send for it
 * (docs/protocol.md §1.2): {@code -32600 "Invalid Request"} with a null id for unparseable text,
 * {@code -32600 "Invalid message"} with the request's id when {@code jsonrpc} is not {@code "2.0"}.
 */
public final class VertoDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient JsonNode id;
    private final int code;
    private final String wireMessage;

    public VertoDecodeException(JsonNode id, int code, String wireMessage, String detail) {
        super(wireMessage + ": " + detail);
        this.id = id == null ? NullNode.getInstance() : id;
        this.code = code;
        this.wireMessage = wireMessage;
    }

    public int code() {
        return code;
    }

    public JsonNode id() {
        return id;
    }

    /** The error response to send back on the same connection, which stays usable. */
    public JsonRpcError toResponse() {
        return new JsonRpcError(id, RpcError.of(code, wireMessage, TextNode.valueOf(getMessage())));
    }
}
