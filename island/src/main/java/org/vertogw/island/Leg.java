package org.vertogw.island;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.vertogw.island.media.LegMedia;
import org.vertogw.protocol.jsonrpc.ErrorCodes;
import org.vertogw.protocol.jsonrpc.RpcError;

/**
 * One call leg: the island's channel toward one browser session, named by its {@code callID} (a FreeSWITCH channel
 * UUID). A browser-originated leg (inbound) is the caller; a callee's leg (outbound) rings a registration. Owned by
 * a {@code sessid}, not a socket, so it survives the socket through detach and re-attach (docs/protocol.md §2.3, §2.4).
 */
final class Leg {

    final String callId;
    final boolean inbound;
    final String login;
    final String sessid;
    IslandConnection connection;
    LegState state = LegState.RINGING;
    LegMedia media;
    boolean echo;
    /** {@code dialogParams.screenShare}: the Verto client's second, send-only call carrying a screen. */
    boolean screenShare;

    boolean held;
    boolean recoverCall = true;
    boolean awaitingAttachAnswer;
    /** The far end is another island, over a trunk (docs/operations.md, "Calls across islands"). */
    boolean trunk;
    /** Set by a transfer that succeeded: the leg ends once the transfer's result is sent. */
    boolean transferred;
    /** The conference room the leg is in, and its member there; null outside one. */
    ConferenceRoom conference;

    ConferenceMember member;
    /** The bridged partner once answered. */
    Leg partner;
    /** While ringing: the caller's leg of this callee leg. */
    Leg caller;
    /** While ringing: the callee legs of this caller leg, one per registration (forking, docs/protocol.md §4.4). */
    final List<Leg> forks = new ArrayList<>();

    String callerIdName;
    String callerIdNumber;
    String calleeIdName;
    String calleeIdNumber;
    final StringBuilder dtmf = new StringBuilder();
    ScheduledFuture<?> timer;

    Leg(String callId, boolean inbound, IslandConnection owner) {
        this.callId = callId;
        this.inbound = inbound;
        this.login = owner.login();
        this.sessid = owner.sessid();
        this.connection = owner;
    }

    /** The name of this leg's user, as the other party sees it: the caller's, or the answering callee's. */
    String partyName() {
        return inbound ? callerIdName : calleeIdName;
    }

    String partyNumber() {
        return inbound ? callerIdNumber : calleeIdNumber;
    }

    boolean detached() {
        return connection == null && state == LegState.ANSWERED;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    static void send(Leg leg, String method, ObjectNode params) {
        if (leg.connection != null) {
            leg.connection.request(method, params);
        }
    }

    static void closeMedia(Leg leg) {
        if (leg.media != null) {
            leg.media.close();
        }
    }

    static ObjectNode partyParams(Leg leg, String displayDirection) {
        ObjectNode p = IslandConnection.object();
        p.put("callID", leg.callId);
        p.putObject("variables");
        p.put("caller_id_name", leg.callerIdName);
        p.put("caller_id_number", leg.callerIdNumber);
        p.put("callee_id_name", leg.calleeIdName);
        p.put("callee_id_number", leg.calleeIdNumber);
        p.put("display_direction", displayDirection);
        return p;
    }

    static RpcError callError(String message, String callId) {
        RpcError e = RpcError.of(ErrorCodes.CALL_ERROR, message);
        if (callId != null) {
            e.raw().put("callID", callId);
        }
        return e;
    }

    static String text(ObjectNode o, String field, String fallback) {
        JsonNode n = o == null ? null : o.get(field);
        return n != null && n.isValueNode() && !n.asText().isEmpty() ? n.asText() : fallback;
    }
}
