package org.vertogw.protocol.jsonrpc;

/** A response: a result or an error, never both (a message with both counts as a result, as FreeSWITCH reads it). */
public sealed interface JsonRpcResponse extends JsonRpcMessage permits JsonRpcResult, JsonRpcError {}
