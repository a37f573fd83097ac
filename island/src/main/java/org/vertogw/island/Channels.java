package org.vertogw.island;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.RpcError;
import org.vertogw.protocol.message.Broadcast;
import org.vertogw.protocol.message.Subscribe;
import org.vertogw.protocol.message.Unsubscribe;

/**
 * Event channels and chat (docs/protocol.md §4.7, §5). The demo directory has no channel filter, so every channel
 * is authorized; a plain broadcast goes to the island's modules (there are none here) and a {@code localBroadcast}
 * fans out to the local subscribers of exactly that channel. Subscriptions are per connection and end with it.
 */
final class Channels {

    private final Sessions sessions;
    /** Per connection and channel: the next {@code eventSerno}. */
    private final Map<IslandConnection, Map<String, Integer>> serno = new HashMap<>();

    Channels(Sessions sessions) {
        this.sessions = sessions;
    }

    void subscribe(IslandConnection conn, JsonRpcRequest request) {
        List<String> channels = new Subscribe(request.params()).eventChannels();
        ObjectNode result = IslandConnection.object();
        ArrayNode added = IslandConnection.object().arrayNode();
        ArrayNode already = IslandConnection.object().arrayNode();
        for (String c : channels) {
            (conn.subscriptions.add(c) ? added : already).add(c);
        }
        if (channels.isEmpty()) {
            conn.error(request.id(), new RpcError(IslandConnection.object()));
            return;
        }
        if (!added.isEmpty()) {
            result.set("subscribedChannels", added);
        }
        if (!already.isEmpty()) {
            result.set("alreadySubscribedChannels", already);
        }
        conn.result(request.id(), result);
    }

    void unsubscribe(IslandConnection conn, JsonRpcRequest request) {
        List<String> channels = new Unsubscribe(request.params()).eventChannels();
        ArrayNode removed = IslandConnection.object().arrayNode();
        ArrayNode absent = IslandConnection.object().arrayNode();
        for (String c : channels) {
            (conn.subscriptions.remove(c) ? removed : absent).add(c);
        }
        ObjectNode body = IslandConnection.object();
        if (!removed.isEmpty()) {
            body.set("unsubscribedChannels", removed);
        }
        if (!absent.isEmpty()) {
            body.set("notSubscribedChannels", absent);
        }
        if (removed.isEmpty()) {
            conn.error(request.id(), new RpcError(body));
        } else {
            conn.result(request.id(), body);
        }
    }

    void broadcast(IslandConnection conn, JsonRpcRequest request) {
        Broadcast b = new Broadcast(request.params());
        ObjectNode result = IslandConnection.object();
        if (b.eventChannel() == null || b.eventChannel().isEmpty()) {
            result.put("message", "eventChannel not specified.");
            result.put("code", -32002);
            conn.result(request.id(), result);
            return;
        }
        if (b.localBroadcast()) {
            ObjectNode event = request.params().deepCopy();
            event.remove("localBroadcast");
            event.put("userid", conn.login());
            event.put("sessid", conn.sessid());
            event.put("fromDisplay", conn.user().id());
            for (IslandConnection other : sessions.open()) {
                if (other.subscriptions.contains(b.eventChannel())) {
                    deliver(other, b.eventChannel(), event);
                }
            }
        }
        conn.result(request.id(), result);
    }

    /** Chat (docs/protocol.md §4.7): delivered to every live connection whose login is {@code to}. False when to or body is missing. */
    boolean chat(IslandConnection from, ObjectNode msg, String callId) {
        JsonNode to = msg.get("to");
        JsonNode body = msg.get("body");
        if (to == null || !to.isTextual() || body == null || !body.isTextual()) {
            return false;
        }
        String target = to.asText().replaceFirst("^[a-z]+\\+", "").toLowerCase(java.util.Locale.ROOT);
        ObjectNode delivered = msg.deepCopy();
        delivered.put("from", from.login());
        for (IslandConnection c : sessions.byLogin(target)) {
            ObjectNode params = IslandConnection.object();
            if (callId != null && msg.path("inDialog").asBoolean(false)) {
                params.put("callID", callId);
            }
            params.set("msg", delivered);
            c.request("verto.info", params);
        }
        return true;
    }

    void closed(IslandConnection conn) {
        serno.remove(conn);
    }

    private void deliver(IslandConnection to, String channel, ObjectNode event) {
        ObjectNode params = event.deepCopy();
        int n = serno.computeIfAbsent(to, k -> new HashMap<>()).merge(channel, 1, Integer::sum) - 1;
        params.put("eventSerno", n);
        params.put("subscribedChannel", channel);
        to.request("verto.event", params);
    }
}
