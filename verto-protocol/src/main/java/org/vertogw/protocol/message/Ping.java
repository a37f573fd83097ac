package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.ping}: S→C after 30 s of inbound silence, or C→S as a keepalive answered PONG (docs/protocol.md §1.6). */
public record Ping(ObjectNode params) implements VertoMessage {

    /** Server epoch seconds, on S→C pings. */
    public Integer serno() {
        return Params.integer(params, "serno");
    }
}
