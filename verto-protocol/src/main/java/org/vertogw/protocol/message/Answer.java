package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.answer}: the browser answers (C→S, SDP answer) or the far end answered (S→C, SDP unless sent in verto.media) (docs/protocol.md §4.3, §4.4). */
public record Answer(ObjectNode params) implements VertoMessage, CallMessage {

    @Override
    public String callId() {
        return Params.callId(params);
    }

    /** The top-level SDP, which is what FreeSWITCH reads (docs/protocol.md §2.4, §4.3). */
    public String sdp() {
        return Params.text(params, "sdp");
    }

    public Answer withSdp(String sdp) {
        return new Answer(Params.withText(params, "sdp", sdp));
    }
}
