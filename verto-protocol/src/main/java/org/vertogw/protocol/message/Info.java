package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.info}, both directions: DTMF, chat, real-time text, app commands (docs/protocol.md §4.7). */
public record Info(ObjectNode params) implements VertoMessage, CallMessage {

    @Override
    public String callId() {
        return Params.callId(params);
    }

    /** Digits {@code 0-9*#A-D}, groups separated by {@code +}, each optionally {@code @ms}. */
    public String dtmf() {
        return Params.text(params, "dtmf");
    }

    public ObjectNode msg() {
        return Params.object(params, "msg");
    }
}
