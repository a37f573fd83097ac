package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.attach}: S→C a new offer for a detached or renegotiated call; C→S the browser's answer (docs/protocol.md §2.4). */
public record Attach(ObjectNode params) implements VertoMessage, CallMessage {

    @Override
    public String callId() {
        return Params.callId(params);
    }

    /** The top-level SDP, which is what FreeSWITCH reads (docs/protocol.md §2.4, §4.3). */
    public String sdp() {
        return Params.text(params, "sdp");
    }

    public Attach withSdp(String sdp) {
        return new Attach(Params.withText(params, "sdp", sdp));
    }
}
