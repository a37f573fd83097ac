package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.bye}, both directions: hang up with a cause name and/or a Q.850 cause code (docs/protocol.md §4.5). */
public record Bye(ObjectNode params) implements VertoMessage, CallMessage {

    @Override
    public String callId() {
        return Params.callId(params);
    }

    public String cause() {
        return Params.text(params, "cause");
    }

    public Integer causeCode() {
        return Params.integer(params, "causeCode");
    }
}
