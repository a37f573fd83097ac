package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.display} (S→C): caller id and display update (docs/protocol.md §4.8). */
public record Display(ObjectNode params) implements VertoMessage, CallMessage {

    @Override
    public String callId() {
        return Params.callId(params);
    }

    public String displayName() {
        return Params.text(params, "display_name");
    }

    public String displayNumber() {
        return Params.text(params, "display_number");
    }
}
