package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.event} (S→C): a published object on a channel, or a direct event to a session or call (docs/protocol.md §5.2). */
public record Event(ObjectNode params) implements VertoMessage {

    public String eventChannel() {
        return Params.text(params, "eventChannel");
    }

    public ObjectNode data() {
        return Params.object(params, "data");
    }
}
