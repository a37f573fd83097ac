package org.vertogw.protocol.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC 2.0 message as Verto puts it in a WebSocket text frame: a request (or notification) or a response.
 * The id is kept as the JSON value it arrived as, because FreeSWITCH echoes ids of any type and verto.js matches
 * responses by the id used as an object key (docs/protocol.md §1.3, §8.11).
 */
public sealed interface JsonRpcMessage permits JsonRpcRequest, JsonRpcResponse {

    /** The id, or a JSON null for notifications and for errors about unparseable input. */
    JsonNode id();
}
