package org.vertogw.island;

import static org.vertogw.island.Leg.callError;
import static org.vertogw.island.Leg.closeMedia;
import static org.vertogw.island.Leg.partyParams;
import static org.vertogw.island.Leg.send;
import static org.vertogw.island.Leg.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.island.media.IslandMedia;
import org.vertogw.island.media.MediaException;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.RpcError;
import org.vertogw.protocol.message.Answer;
import org.vertogw.protocol.message.Attach;
import org.vertogw.protocol.message.Bye;
import org.vertogw.protocol.message.HangupCause;
import org.vertogw.protocol.message.Info;
import org.vertogw.protocol.message.Invite;

/**
 * The island's call legs as mod_verto handles them (docs/protocol.md §2.3, §2.4, §4): invite, answer, bye, DTMF,
 * detach and re-attach; routing is the {@link Dialplan}'s, hold and transfer {@link CallControl}'s. Island thread.
 */
final class Calls {

    private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

    private final IslandConfig config;
    private final IslandMedia media;
    private final ScheduledExecutorService loop;
    private final Map<String, Leg> legs = new LinkedHashMap<>();
    private final Dialplan dialplan;
    private final CallControl control;
    private final Trunks trunks;
    final Conferences conferences;

    Calls(IslandConfig config, Sessions sessions, ScheduledExecutorService loop, Channels channels) {
        this.config = config;
        this.media = config.media();
        this.loop = loop;
        this.trunks = new Trunks(config, this, loop);
        this.conferences = new Conferences(config, channels, loop, this);
        this.dialplan = new Dialplan(config, sessions, loop, this, trunks, conferences);
        this.control = new CallControl(this, dialplan, media);
    }

    Collection<Leg> legs() {
        return legs.values();
    }

    Leg find(String callId) {
        return legs.get(callId);
    }

    void add(Leg leg) {
        legs.put(leg.callId, leg);
    }

    /** Closes the trunks to other islands (their calls end there as the links drop). */
    void closeTrunks() {
        trunks.close();
    }

    void modify(IslandConnection conn, JsonRpcRequest request) {
        control.modify(conn, request);
    }

    void invite(IslandConnection conn, JsonRpcRequest request) {
        Invite invite = new Invite(request.params());
        String callId = invite.callId();
        if (callId == null || callId.isEmpty()) {
            conn.error(request.id(), callError("CallID missing", null));
            return;
        }
        if (invite.sdp() == null || invite.sdp().isEmpty()) {
            conn.error(request.id(), callError("SDP missing", callId));
            return;
        }
        if (legs.containsKey(callId)) {
            RpcError e = callError("CALL ERROR", callId);
            e.raw().put("cause", HangupCause.NORMAL_TEMPORARY_FAILURE.name());
            e.raw().put("causeCode", HangupCause.NORMAL_TEMPORARY_FAILURE.code());
            conn.error(request.id(), e);
            return;
        }
        Leg a = new Leg(callId, true, conn);
        ObjectNode dp = (ObjectNode) request.params().get("dialogParams");
        a.callerIdName = text(dp, "caller_id_name", conn.user().id());
        a.callerIdNumber = text(dp, "caller_id_number", conn.user().id());
        String destination = text(dp, "destination_number", "service");
        a.calleeIdName = text(dp, "remote_caller_id_name", destination);
        a.calleeIdNumber = destination;
        a.recoverCall = !conn.trunk && (dp == null || dp.path("recoverCall").asBoolean(true));
        a.screenShare = dp != null && dp.path("screenShare").asBoolean(false);
        a.trunk = conn.trunk;
        String domain =
                conn.trunk ? Dialplan.domainOf(destination) : conn.user().domain();
        if (domain == null) {
            conn.error(request.id(), callError("destination_number must be user@domain on a trunk", callId));
            return;
        }
        try {
            a.media = media.newLeg(callId, null);
            a.media.remoteOffer(invite.sdp());
        } catch (MediaException e) {
            closeMedia(a);
            conn.error(request.id(), callError(e.getMessage(), callId));
            return;
        }
        legs.put(callId, a);
        ObjectNode created = IslandConnection.object();
        created.put("message", "CALL CREATED");
        created.put("callID", callId);
        conn.result(request.id(), created);
        dialplan.route(a, destination, domain);
    }

    void answer(IslandConnection conn, JsonRpcRequest request) {
        Answer answer = new Answer(request.params());
        Leg b = owned(conn, request, answer.callId());
        if (b == null) {
            return;
        }
        if (answer.sdp() == null || answer.sdp().isEmpty()) {
            conn.error(request.id(), callError("SDP missing", b.callId));
            return;
        }
        if (b.state != LegState.RINGING || b.caller == null) {
            conn.error(request.id(), callError("CALL DOES NOT EXIST", b.callId));
            return;
        }
        ObjectNode dp = (ObjectNode) request.params().get("dialogParams");
        if (!answered(b, answer.sdp(), dp)) {
            conn.error(request.id(), callError("MEDIA ERROR", b.callId));
            return;
        }
        conn.result(request.id(), IslandConnection.object());
    }

    /**
     * A ringing callee leg answered with {@code sdp} (a browser's, or the far island's over a trunk): the other forks
     * lose the race, the two legs are bridged and the caller is answered. False when the SDP is refused.
     */
    boolean answered(Leg b, String sdp, ObjectNode dp) {
        try {
            b.media.applyAnswer(sdp);
        } catch (MediaException e) {
            hangup(b, HangupCause.INCOMPATIBLE_DESTINATION, false);
            return false;
        }
        Leg a = b.caller;
        a.cancelTimer();
        List<Leg> losers = new ArrayList<>(a.forks);
        losers.remove(b);
        a.forks.clear();
        b.caller = null;
        for (Leg loser : losers) {
            loser.caller = null;
            hangup(loser, HangupCause.LOSE_RACE, true);
        }
        b.state = LegState.ANSWERED;
        a.partner = b;
        b.partner = a;
        b.calleeIdName = text(dp, "callee_id_name", b.calleeIdName);
        b.calleeIdNumber = text(dp, "callee_id_number", b.calleeIdNumber);
        if (a.media != null) {
            media.bridge(a.media, b.media);
        }
        if (a.state == LegState.ANSWERED) {
            Dialplan.display(a, b.partyName(), b.partyNumber());
        } else {
            answerCaller(a);
        }
        return true;
    }

    /** The caller's leg is answered: {@code verto.answer} with the island's SDP. */
    void answerCaller(Leg a) {
        String sdp;
        try {
            sdp = a.media.answer();
        } catch (MediaException e) {
            hangup(a, HangupCause.INCOMPATIBLE_DESTINATION, true);
            return;
        }
        a.state = LegState.ANSWERED;
        ObjectNode params = IslandConnection.object();
        params.put("callID", a.callId);
        params.put("sdp", sdp);
        params.putObject("variables");
        send(a, "verto.answer", params);
    }

    void bye(IslandConnection conn, JsonRpcRequest request) {
        Bye bye = new Bye(request.params());
        Leg leg = owned(conn, request, bye.callId());
        if (leg == null) {
            return;
        }
        HangupCause cause = HangupCause.of(bye.cause(), bye.causeCode());
        hangup(leg, cause, false);
        ObjectNode result = IslandConnection.object();
        result.put("callID", leg.callId);
        result.put("message", "CALL ENDED");
        result.put("causeCode", cause.code());
        result.put("cause", cause.name());
        conn.result(request.id(), result);
    }

    void info(IslandConnection conn, JsonRpcRequest request, Channels channels) {
        Info info = new Info(request.params());
        ObjectNode result = IslandConnection.object();
        if (info.msg() != null) {
            if (!channels.chat(conn, info.msg(), info.callId())) {
                RpcError e = new RpcError(IslandConnection.object());
                e.raw().put("message", "INVALID MESSAGE to and body params required");
                conn.error(request.id(), e);
                return;
            }
            result.put("message", "SENT");
        }
        if (info.dtmf() != null) {
            Leg leg = info.callId() == null ? null : legs.get(info.callId());
            if (leg != null && leg.sessid.equals(conn.sessid()) && info.dtmf().matches("[0-9*#A-Da-d+@]+")) {
                dtmf(leg, info.dtmf().replaceAll("@[0-9]+", "").replace("+", ""));
                result.put("message", "SENT");
            }
        }
        conn.result(request.id(), result);
    }

    /**
     * Digits received on a leg. Over a trunk they are logged, as the far island's DTMF; toward a trunk they are sent
     * on as {@code verto.info}. A browser hears DTMF only in the media (RFC 4733), never in signalling.
     */
    void dtmf(Leg leg, String digits) {
        leg.dtmf.append(digits);
        if (leg.trunk) {
            digits.chars().forEach(d -> LOG.debug("RECV DTMF {}", (char) d));
        }
        Leg partner = leg.partner;
        if (partner != null && partner.trunk && !leg.trunk) {
            ObjectNode params = IslandConnection.object();
            params.put("callID", partner.callId);
            params.put("dtmf", digits);
            send(partner, "verto.info", params);
        }
    }

    /** C→S {@code verto.attach}: the browser's answer to the island's re-attach offer (docs/protocol.md §2.4 step 3). */
    void attach(IslandConnection conn, JsonRpcRequest request) {
        Attach attach = new Attach(request.params());
        Leg leg = owned(conn, request, attach.callId());
        if (leg == null) {
            return;
        }
        if (!leg.awaitingAttachAnswer || leg.state != LegState.ANSWERED) {
            conn.error(request.id(), callError("Cannot attach to a call that has not been answered.", leg.callId));
            return;
        }
        try {
            leg.media.applyAnswer(attach.sdp());
        } catch (MediaException e) {
            conn.error(request.id(), callError("MEDIA ERROR", leg.callId));
            hangup(leg, HangupCause.BEARERCAPABILITY_NOTAVAIL, false);
            return;
        }
        leg.awaitingAttachAnswer = false;
        if (leg.echo) {
            media.echo(leg.media);
        } else if (leg.conference != null) {
            conferences.reattached(leg);
        } else if (leg.partner != null) {
            media.bridge(leg.media, leg.partner.media);
        }
        conn.result(request.id(), IslandConnection.object());
    }

    /**
     * docs/protocol.md §2.3: the socket went away. Unanswered legs end (DESTINATION_OUT_OF_ORDER), legs made with
     * {@code recoverCall:false} end (NORMAL_CLEARING), answered legs are detached and kept for the detach timeout.
     */
    void connectionLost(IslandConnection conn) {
        for (Leg leg : new ArrayList<>(legs.values())) {
            if (leg.connection != conn) {
                continue;
            }
            leg.connection = null;
            if (leg.state != LegState.ANSWERED) {
                hangup(leg, HangupCause.DESTINATION_OUT_OF_ORDER, false);
            } else if (!leg.recoverCall) {
                hangup(leg, HangupCause.NORMAL_CLEARING, false);
            } else {
                leg.awaitingAttachAnswer = false;
                closeMedia(leg);
                leg.cancelTimer();
                leg.timer = loop.schedule(
                        () -> {
                            if (leg.detached()) {
                                hangup(leg, HangupCause.RECOVERY_ON_TIMER_EXPIRE, false);
                            }
                        },
                        config.detachTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                LOG.debug("call {} detached", leg.callId);
            }
        }
    }

    /** docs/protocol.md §2.4: a new offer in {@code verto.attach} for every detached call of the connection's sessid. */
    List<String> reattach(IslandConnection conn) {
        List<String> out = new ArrayList<>();
        for (Leg leg : new ArrayList<>(legs.values())) {
            if (!leg.detached() || !leg.sessid.equals(conn.sessid())) {
                continue;
            }
            leg.cancelTimer();
            String offer;
            try {
                leg.media = media.newLeg(leg.callId, leg.partner == null ? null : leg.partner.media);
                offer = leg.media.offer();
            } catch (MediaException e) {
                hangup(leg, HangupCause.BEARERCAPABILITY_NOTAVAIL, false);
                continue;
            }
            leg.connection = conn;
            leg.awaitingAttachAnswer = true;
            ObjectNode params = partyParams(leg, leg.inbound ? "inbound" : "outbound");
            params.put("sdp", offer);
            conn.request("verto.attach", params);
            out.add(leg.callId);
        }
        return out;
    }

    /**
     * Ends a leg and what hangs on it: its ringing forks (ORIGINATOR_CANCEL), its bridged partner (same cause), and
     * a caller whose last fork ended (the fork's cause). {@code notify} sends the leg's own browser a bye.
     */
    void hangup(Leg leg, HangupCause cause, boolean notify) {
        if (leg.state == LegState.ENDED) {
            return;
        }
        leg.state = LegState.ENDED;
        legs.remove(leg.callId);
        leg.cancelTimer();
        conferences.leave(leg);
        closeMedia(leg);
        if (notify) {
            ObjectNode params = IslandConnection.object();
            params.put("callID", leg.callId);
            params.put("causeCode", cause.code());
            params.put("cause", cause.name());
            send(leg, "verto.bye", params);
        }
        for (Leg fork : new ArrayList<>(leg.forks)) {
            fork.caller = null;
            hangup(fork, cause == HangupCause.NORMAL_CLEARING ? HangupCause.ORIGINATOR_CANCEL : cause, true);
        }
        leg.forks.clear();
        Leg caller = leg.caller;
        if (caller != null) {
            leg.caller = null;
            caller.forks.remove(leg);
            if (caller.forks.isEmpty() && caller.partner == null) {
                hangup(caller, cause, true);
            }
        }
        Leg partner = leg.partner;
        if (partner != null) {
            leg.partner = null;
            partner.partner = null;
            hangup(partner, cause, true);
        }
        LOG.debug("call {} ended: {}", leg.callId, cause);
    }

    Leg owned(IslandConnection conn, JsonRpcRequest request, String callId) {
        if (callId == null || callId.isEmpty()) {
            conn.error(request.id(), callError("CallID missing", null));
            return null;
        }
        Leg leg = legs.get(callId);
        if (leg == null || !leg.sessid.equals(conn.sessid())) {
            conn.error(request.id(), callError("CALL DOES NOT EXIST", callId));
            return null;
        }
        return leg;
    }
}
