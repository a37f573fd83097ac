package org.vertogw.island;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.vertogw.protocol.codec.VertoCodec;
import org.vertogw.protocol.jsonrpc.JsonRpcError;
import org.vertogw.protocol.jsonrpc.JsonRpcMessage;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.JsonRpcResult;
import org.vertogw.protocol.jsonrpc.RpcError;

/**
 * One WebSocket connection to the island: who logged in on it and which {@code sessid} it is bound to
 * (docs/protocol.md §2.1). Touched only on the island's thread.
 */
final class IslandConnection {

    private final Session socket;
    private final VertoCodec codec;
    private final ServerIds ids;
    private final String remote;
    private String sessid;
    private Directory.User user;
    private boolean open = true;
    /** Logged in as another island's trunk, or opened by this island as one (docs/operations.md). */
    boolean trunk;

    long lastInboundNanos;
    long lastPingNanos;
    final Set<String> subscriptions = new HashSet<>();

    IslandConnection(Session socket, VertoCodec codec, ServerIds ids, long nowNanos) {
        this.socket = socket;
        this.codec = codec;
        this.ids = ids;
        this.remote = String.valueOf(socket.getRemoteSocketAddress());
        this.lastInboundNanos = nowNanos;
        this.lastPingNanos = nowNanos;
    }

    boolean authenticated() {
        return user != null;
    }

    Directory.User user() {
        return user;
    }

    String login() {
        return user == null ? null : user.login();
    }

    String sessid() {
        return sessid;
    }

    void bind(String sessid, Directory.User user) {
        this.sessid = sessid;
        this.user = user;
    }

    boolean isOpen() {
        return open && socket.isOpen();
    }

    String remote() {
        return remote;
    }

    /** A result, with {@code sessid} appended once the connection is bound, as mod_verto does (docs/protocol.md §1.5). */
    void result(JsonNode id, ObjectNode result) {
        if (sessid != null) {
            result.put("sessid", sessid);
        }
        send(new JsonRpcResult(id, result));
    }

    void error(JsonNode id, RpcError error) {
        send(new JsonRpcError(id, error));
    }

    /** A server-originated request with an id from the island-wide counter (docs/protocol.md §1.3). */
    void request(String method, ObjectNode params) {
        send(JsonRpcRequest.of(LongNode.valueOf(ids.next()), method, params));
    }

    void send(JsonRpcMessage message) {
        if (isOpen()) {
            socket.sendText(codec.encode(message), Callback.NOOP);
        }
    }

    void sendRaw(String text) {
        if (isOpen()) {
            socket.sendText(text, Callback.NOOP);
        }
    }

    void close(int code, String reason) {
        open = false;
        socket.close(code, reason, Callback.NOOP);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public String toString() {
        return "connection " + remote + (sessid == null ? "" : " sessid " + sessid);
    }
}
