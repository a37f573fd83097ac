package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.broadcast} (C→S): publish {@code data} on a channel; {@code localBroadcast} fans out to local subscribers (docs/protocol.md §5.3). */
public record Broadcast(ObjectNode params) implements VertoMessage {

    public String eventChannel() {
        return Params.text(params, "eventChannel");
    }

    public ObjectNode data() {
        return Params.object(params, "data");
    }

    public boolean localBroadcast() {
        com.fasterxml.jackson.databind.JsonNode n = params.get("localBroadcast");
        return n != null && n.asBoolean(false);
    }
}
