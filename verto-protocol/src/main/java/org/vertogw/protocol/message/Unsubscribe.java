package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.unsubscribe} (C→S): one channel or an array of channels (docs/protocol.md §5.1). */
public record Unsubscribe(ObjectNode params) implements VertoMessage {

    public java.util.List<String> eventChannels() {
        return Params.texts(params, "eventChannel");
    }
}
