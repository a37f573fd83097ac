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
 * Event channels and chat (docs/protocol.md §4.7, §5). The demo directory has no channel filter, so every channel is
 * authorized except a module's own ({@code conference-*}), which a sessid may use only once the module granted it, as
 * mod_conference grants a member its room's channels (§5.5). A plain broadcast goes to the module that owns the
 * channel, and a {@code localBroadcast} fans out to the local subscribers of exactly that channel. Subscriptions are
 * per connection and end with it.
 */
final class Channels {

    /** A module on the island's event bus (FreeSWITCH's event channels): it owns a channel prefix. */
    interface Module {
        /** The prefix of the channels it owns, e.g. {@code conference-}. */
        String prefix();

        /** A broadcast of an authorized sender on one of its channels. */
        void broadcast(IslandConnection from, String channel, ObjectNode event);
    }

    private final Sessions sessions;
    /** Per connection and channel: the next {@code eventSerno}. */
    private final Map<IslandConnection, Map<String, Integer>> serno = new HashMap<>();
    /** Per sessid: the module channels it was granted. */
    private final Map<String, java.util.Set<String>> grants = new HashMap<>();

    private final List<Module> modules = new java.util.ArrayList<>();

    Channels(Sessions sessions) {
        this.sessions = sessions;
    }

    void subscribe(IslandConnection conn, JsonRpcRequest request) {
        List<String> channels = new Subscribe(request.params()).eventChannels();
        ObjectNode result = IslandConnection.object();
        ArrayNode added = IslandConnection.object().arrayNode();
        ArrayNode already = IslandConnection.object().arrayNode();
        ArrayNode refused = IslandConnection.object().arrayNode();
        for (String c : channels) {
            if (!authorized(conn, c)) {
                refused.add(c);
            } else {
                (conn.subscriptions.add(c) ? added : already).add(c);
            }
        }
        if (channels.isEmpty()) {
            conn.error(request.id(), new RpcError(IslandConnection.object()));
            return;
        }
        if (!refused.isEmpty()) {
            result.set("unauthorizedChannels", refused);
            if (added.isEmpty() && already.isEmpty()) {
                conn.error(request.id(), new RpcError(result)); // §5.1: nothing authorized is an error
                return;
            }
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
        if (!authorized(conn, b.eventChannel())) {
            result.put("message", "Permission Denied.");
            result.put("code", -32002);
            conn.result(request.id(), result);
            return;
        }
        Module owner = owner(b.eventChannel());
        if (owner != null && !b.localBroadcast()) {
            conn.result(request.id(), result);
            ObjectNode event = request.params().deepCopy();
            event.put("userid", conn.login());
            event.put("sessid", conn.sessid());
            event.put("fromDisplay", conn.user().id());
            owner.broadcast(conn, b.eventChannel(), event);
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

    void register(Module module) {
        modules.add(module);
    }

    /** Lets {@code sessid} subscribe and broadcast to a module's {@code channel}. */
    void grant(String sessid, String channel) {
        grants.computeIfAbsent(sessid, k -> new java.util.HashSet<>()).add(channel);
    }

    /** Takes a grant back and ends the sessid's subscriptions to that channel. */
    void revoke(String sessid, String channel) {
        java.util.Set<String> g = grants.get(sessid);
        if (g != null && g.remove(channel) && g.isEmpty()) {
            grants.remove(sessid);
        }
        IslandConnection c = sessions.bySessid(sessid);
        if (c != null) {
            c.subscriptions.remove(channel);
        }
    }

    boolean authorized(IslandConnection conn, String channel) {
        for (Module m : modules) {
            if (channel.startsWith(m.prefix())) {
                java.util.Set<String> g = grants.get(conn.sessid());
                return g != null && g.contains(channel);
            }
        }
        return true;
    }

    private Module owner(String channel) {
        for (Module m : modules) {
            if (channel.startsWith(m.prefix())) {
                return m;
            }
        }
        return null;
    }

    /**
     * §5.2: an event to every subscriber of {@code channel} and of its part before the first dot, each with its own
     * {@code eventSerno}.
     */
    void publish(String channel, ObjectNode event) {
        int dot = channel.indexOf('.');
        String head = dot < 0 ? null : channel.substring(0, dot);
        for (IslandConnection c : sessions.open()) {
            if (c.subscriptions.contains(channel)) {
                deliver(c, channel, event);
            }
            if (head != null && c.subscriptions.contains(head)) {
                deliver(c, head, event);
            }
        }
    }

    /** §5.2 direct delivery: to the connection of {@code sessid} alone, without {@code eventSerno}. */
    void direct(String sessid, ObjectNode event) {
        IslandConnection c = sessions.bySessid(sessid);
        if (c != null) {
            c.request("verto.event", event);
        }
    }

    private void deliver(IslandConnection to, String channel, ObjectNode event) {
        ObjectNode params = event.deepCopy();
        int n = serno.computeIfAbsent(to, k -> new HashMap<>()).merge(channel, 1, Integer::sum) - 1;
        params.put("eventSerno", n);
        params.put("subscribedChannel", channel);
        to.request("verto.event", params);
    }
}
