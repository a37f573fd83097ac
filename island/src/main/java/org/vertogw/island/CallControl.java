package org.vertogw.island;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vertogw.island.media.IslandMedia;
import org.vertogw.island.media.MediaException;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.RpcError;
import org.vertogw.protocol.message.HangupCause;
import org.vertogw.protocol.message.Modify;

/**
 * C→S {@code verto.modify} (docs/protocol.md §4.6): hold, and the two transfers. A blind transfer sends the bridged
 * partner to a destination and ends the transferring leg; an attended one ({@code replace}) joins the partners of
 * two calls of the same session and ends both of its own legs. Runs on the island's thread.
 */
final class CallControl {

    private final Calls calls;
    private final Dialplan dialplan;
    private final IslandMedia media;

    CallControl(Calls calls, Dialplan dialplan, IslandMedia media) {
        this.calls = calls;
        this.dialplan = dialplan;
        this.media = media;
    }

    void modify(IslandConnection conn, JsonRpcRequest request) {
        Modify modify = new Modify(request.params());
        Leg leg = calls.owned(conn, request, modify.callId());
        if (leg == null) {
            return;
        }
        String action = modify.action();
        if (action == null) {
            conn.error(request.id(), Leg.callError("action missing", leg.callId));
            return;
        }
        if (action.equals("updateMedia")) {
            updateMedia(conn, request, leg);
            return;
        }
        String refusal = switch (action) {
            case "hold" -> hold(leg, true);
            case "unhold" -> hold(leg, false);
            case "toggleHold" -> hold(leg, !leg.held);
            case "trunkHold" -> leg.trunk ? hold(leg, true) : "Unexpected Error";
            case "trunkUnhold" -> leg.trunk ? hold(leg, false) : "Unexpected Error";
            case "transfer" ->
                transfer(leg, request.params().path("destination").asText(""));
            case "replace" ->
                replace(leg, request.params().path("replaceCallID").asText(""));
            case "videoRefresh" -> videoRefresh(leg);
            // unknown actions succeed, as in mod_verto (docs/protocol.md §4.6).
            default -> null;
        };
        ObjectNode body = refusal == null
                ? IslandConnection.object()
                : Leg.callError(refusal, leg.callId).raw();
        body.put("callID", leg.callId);
        body.put("action", action);
        body.put("holdState", leg.held ? "held" : "active");
        if (refusal != null) {
            conn.error(request.id(), new RpcError(body));
            return;
        }
        if (action.equals("transfer") || action.equals("replace")) {
            body.put("message", "CALL TRANSFERRED");
        }
        conn.result(request.id(), body);
        if (leg.transferred) {
            calls.hangup(leg, HangupCause.NORMAL_CLEARING, true);
        }
    }

    /**
     * A re-offer on an answered call (RFC 3264 §8), e.g. adding or removing video: the result carries the answer
     * in {@code sdp}. The media kept runs on; video added toward a bridged partner reaches it only when the
     * partner's call has video too.
     */
    private void updateMedia(IslandConnection conn, JsonRpcRequest request, Leg leg) {
        String sdp = request.params().path("sdp").asText("");
        String refusal = null;
        String answer = null;
        if (sdp.isEmpty()) {
            refusal = "SDP missing";
        } else if (leg.state != LegState.ANSWERED) {
            refusal = "Cannot update a call that has not been answered.";
        } else if (leg.media == null) {
            refusal = "MEDIA ERROR";
        } else {
            try {
                answer = leg.media.update(sdp);
            } catch (MediaException e) {
                refusal = e.getMessage();
            }
        }
        ObjectNode body = refusal == null
                ? IslandConnection.object()
                : Leg.callError(refusal, leg.callId).raw();
        body.put("callID", leg.callId);
        body.put("action", "updateMedia");
        body.put("holdState", leg.held ? "held" : "active");
        if (refusal != null) {
            conn.error(request.id(), new RpcError(body));
            return;
        }
        body.put("sdp", answer);
        conn.result(request.id(), body);
    }

    /**
     * The browser asks for a key frame of the video it receives: a PLI goes to whoever sends it, its own browser
     * on the echo extension, the bridged partner's otherwise. Succeeds even when there is no video.
     */
    private static String videoRefresh(Leg leg) {
        Leg source = leg.echo ? leg : leg.partner;
        if (source != null && source.media != null) {
            source.media.requestKeyFrame();
        }
        return null;
    }

    private static String hold(Leg leg, boolean held) {
        leg.held = held;
        Leg partner = leg.partner;
        if (partner != null && partner.trunk && !leg.trunk) {
            forwardHold(partner, held);
        }
        return null;
    }

    /**
     * The far island hears of a hold over the trunk (docs/operations.md, "Calls across islands"), as a SIP trunk
     * carries a re-INVITE; a held trunk leg is not forwarded again.
     */
    static void forwardHold(Leg trunkLeg, boolean held) {
        ObjectNode params = IslandConnection.object();
        params.put("callID", trunkLeg.callId);
        params.put("action", held ? "trunkHold" : "trunkUnhold");
        Leg.send(trunkLeg, "verto.modify", params);
    }

    /** The partner goes to {@code destination}; this leg ends once the result is sent. */
    private String transfer(Leg leg, String destination) {
        if (destination.isBlank()) {
            return "destination missing";
        }
        Leg partner = leg.partner;
        if (partner == null) {
            return "call is not bridged";
        }
        unbridge(leg);
        leg.transferred = true;
        dialplan.route(partner, destination, domainOf(partner));
        return null;
    }

    /** Attended transfer: this leg's partner and the other call's partner talk to each other; both legs end. */
    private String replace(Leg leg, String replaceCallId) {
        if (replaceCallId.isBlank()) {
            return "replaceCallID missing";
        }
        Leg other = calls.find(replaceCallId);
        if (other == null || other == leg || !other.sessid.equals(leg.sessid)) {
            return "invalid transfer leg";
        }
        Leg a = leg.partner;
        Leg b = other.partner;
        if (a == null || b == null) {
            return "transfer failed";
        }
        unbridge(leg);
        unbridge(other);
        a.partner = b;
        b.partner = a;
        if (a.media != null && b.media != null) {
            media.bridge(a.media, b.media);
        }
        String aName = a.partyName();
        String aNumber = a.partyNumber();
        Dialplan.display(a, b.partyName(), b.partyNumber());
        Dialplan.display(b, aName, aNumber);
        leg.transferred = true;
        other.transferred = true;
        calls.hangup(other, HangupCause.NORMAL_CLEARING, true);
        return null;
    }

    private void unbridge(Leg leg) {
        Leg partner = leg.partner;
        leg.partner = null;
        partner.partner = null;
        if (partner.media != null) {
            media.isolate(partner.media);
        }
    }

    private static String domainOf(Leg leg) {
        return leg.login.substring(leg.login.indexOf('@') + 1);
    }
}
