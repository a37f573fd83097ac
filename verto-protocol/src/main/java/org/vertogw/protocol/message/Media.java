package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.media} (S→C only): early media, the answer SDP before the answer (docs/protocol.md §4.3). */
public record Media(ObjectNode params) implements VertoMessage, CallMessage {

    @Override
    public String callId() {
        return Params.callId(params);
    }

    /** The top-level SDP, which is what FreeSWITCH reads (docs/protocol.md §2.4, §4.3). */
    public String sdp() {
        return Params.text(params, "sdp");
    }

    public Media withSdp(String sdp) {
        return new Media(Params.withText(params, "sdp", sdp));
    }
}
