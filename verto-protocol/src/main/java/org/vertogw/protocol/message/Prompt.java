package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.prompt} (S→C): the island asks the user for DTMF or a message (docs/protocol.md §4.9). */
public record Prompt(ObjectNode params) implements VertoMessage, CallMessage {

    @Override
    public String callId() {
        return Params.callId(params);
    }
}
