package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code verto.invite}: the browser places a call (C→S) or the island calls the browser (S→C), with an offer (docs/protocol.md §4.3, §4.4). */
public record Invite(ObjectNode params) implements VertoMessage, CallMessage {

    @Override
    public String callId() {
        return Params.callId(params);
    }

    /** The top-level SDP, which is what FreeSWITCH reads (docs/protocol.md §2.4, §4.3). */
    public String sdp() {
        return Params.text(params, "sdp");
    }

    public Invite withSdp(String sdp) {
        return new Invite(Params.withText(params, "sdp", sdp));
    }

    /** {@code dialogParams.destination_number} of a browser invite. */
    public String destinationNumber() {
        return Params.text(Params.object(params, "dialogParams"), "destination_number");
    }
}
