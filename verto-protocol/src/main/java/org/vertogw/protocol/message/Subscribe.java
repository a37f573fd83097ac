package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.subscribe} (C→S): one channel or an array of channels (docs/protocol.md §5.1). */
public record Subscribe(ObjectNode params) implements VertoMessage {

    public java.util.List<String> eventChannels() {
        return Params.texts(params, "eventChannel");
    }
}
