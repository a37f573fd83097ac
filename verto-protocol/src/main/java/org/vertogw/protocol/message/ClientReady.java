package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.clientReady} (S→C): sent once after the first successful login, listing re-attached calls (docs/protocol.md §2.5). */
public record ClientReady(ObjectNode params) implements VertoMessage {

    public java.util.List<String> reattachedSessions() {
        return Params.texts(params, "reattached_sessions");
    }
}
