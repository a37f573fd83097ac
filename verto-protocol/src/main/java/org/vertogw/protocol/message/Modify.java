package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.modify} (C→S): hold, unhold, toggleHold, transfer, replace, videoRefresh, updateMedia (docs/protocol.md §4.6). */
public record Modify(ObjectNode params) implements VertoMessage, CallMessage {

    @Override
    public String callId() {
        return Params.callId(params);
    }

    public String action() {
        return Params.text(params, "action");
    }

    public String destination() {
        return Params.text(params, "destination");
    }

    /** The top-level SDP, which is what FreeSWITCH reads (docs/protocol.md §2.4, §4.3). */
    public String sdp() {
        return Params.text(params, "sdp");
    }

    public Modify withSdp(String sdp) {
        return new Modify(Params.withText(params, "sdp", sdp));
    }
}
