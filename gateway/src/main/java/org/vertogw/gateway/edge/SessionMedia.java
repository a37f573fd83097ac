package org.vertogw.gateway.edge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.config.Limits;
import org.vertogw.gateway.media.CallMedia;
import org.vertogw.gateway.media.MediaHangup;
import org.vertogw.gateway.observe.LogSafe;
import org.vertogw.media.MediaCapacityException;
import org.vertogw.media.sdp.SdpException;
import org.vertogw.media.transport.LegEvent;
import org.vertogw.protocol.jsonrpc.ErrorCodes;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.JsonRpcResult;
import org.vertogw.protocol.message.HangupCause;
import org.vertogw.protocol.message.Params;
import org.vertogw.protocol.message.VertoMethod;

/**
 * The calls of one session whose media the gateway relays, within their budgets: at most
 * {@code limits.callsPerSession} at once, new ones at {@code limits.callsPerSecond}, at most
 * {@code limits.maxMediaSections} m-lines per SDP. A refusal answers the request (-32002 or -32013) and costs no
 * other call; a call whose media fails ends on both sides. Without a media engine, SDP passes untouched. The
 * session's thread only.
 */
final class SessionMedia {

    private static final Logger LOG = LoggerFactory.getLogger(SessionMedia.class);

    private final ClientSession session;
    private final CallMedia calls;
    private final Limits limits;
    private final TokenBucket newCalls;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    SessionMedia(ClientSession session) {
        this.session = session;
        this.limits = session.ctx.config().limits();
        this.calls = session.ctx.media() == null
                ? null
                : new CallMedia(session.ctx.media(), (callId, e) -> session.run(() -> legEvent(callId, e)));
        this.newCalls = new TokenBucket(limits.callsPerSecond(), limits.callBurst(), System.nanoTime());
    }

    /**
     * Counts a call active from its {@code verto.invite}, {@code verto.attach} or {@code verto.answer} (either way)
     * to its {@code verto.bye}, at most {@code limits.callsPerSession} of them: the fleet's failback waits for a
     * partition's calls to end (docs/operations.md, "Fleet on etcd").
     */
    private void track(JsonRpcRequest r) {
        String callId = Params.callId(r.params());
        if (callId == null) {
            return;
        }
        switch (r.method()) {
            case "verto.invite", "verto.attach", "verto.answer" -> {
                if (active.size() < limits.callsPerSession()) {
                    active.add(callId);
                }
            }
            case "verto.bye" -> active.remove(callId);
            default -> {}
        }
    }

    /** Calls of this session that have begun and not ended. */
    int activeCalls() {
        return active.size();
    }

    /** A browser request, its SDP rewritten for the island. */
    JsonRpcRequest fromBrowser(JsonRpcRequest r) throws EdgeRefusal {
        track(r);
        if (calls == null) {
            return r;
        }
        String callId = Params.callId(r.params());
        boolean invite = VertoMethod.INVITE.wireName().equals(r.method()) && Params.text(r.params(), "sdp") != null;
        if (invite) {
            admitCall(callId, Params.text(r.params(), "sdp"));
        }
        try {
            return calls.fromBrowser(r);
        } catch (SdpException e) {
            EdgeRefusal refusal = refusal(e).with("callID", callId);
            if (!invite) {
                hangUp(callId, cause(e), e.getMessage(), true);
            }
            throw refusal;
        }
    }

    private void admitCall(String callId, String sdp) throws EdgeRefusal {
        if (calls.relay(callId) == null && calls.size() >= limits.callsPerSession()) {
            throw EdgeRefusal.of(
                            Refusal.CALL_LIMIT,
                            ErrorCodes.CALL_ERROR,
                            "CALL ERROR",
                            JsonNodeFactory.instance.textNode(
                                    "at most " + limits.callsPerSession() + " calls at once on one session"))
                    .with("cause", HangupCause.SWITCH_CONGESTION.name())
                    .with("causeCode", HangupCause.SWITCH_CONGESTION.code());
        }
        int sections = mediaSections(sdp);
        if (sections > limits.maxMediaSections()) {
            throw EdgeRefusal.of(
                    Refusal.MEDIA_SECTIONS,
                    ErrorCodes.CALL_ERROR,
                    "MEDIA ERROR",
                    JsonNodeFactory.instance.textNode(
                            "the SDP has " + sections + " media sections; at most " + limits.maxMediaSections()));
        }
        long now = System.nanoTime();
        if (!newCalls.tryAcquire(1, now)) {
            throw EdgeRefusal.rateLimited(Refusal.CALL_RATE, newCalls.millisUntil(1, now));
        }
    }

    /** m-lines, counted without parsing the rest (the relay parses what passes). */
    static int mediaSections(String sdp) {
        int n = 0;
        for (int i = sdp.indexOf("m="); i >= 0; i = sdp.indexOf("m=", i + 2)) {
            if (i == 0 || sdp.charAt(i - 1) == '\n' || sdp.charAt(i - 1) == '\r') {
                n++;
            }
        }
        return n;
    }

    private static EdgeRefusal refusal(SdpException e) {
        if (e instanceof MediaCapacityException) {
            return EdgeRefusal.of(
                            Refusal.MEDIA_CAPACITY,
                            ErrorCodes.CALL_ERROR,
                            "CALL ERROR",
                            JsonNodeFactory.instance.textNode(e.getMessage()))
                    .with("cause", HangupCause.SWITCH_CONGESTION.name())
                    .with("causeCode", HangupCause.SWITCH_CONGESTION.code());
        }
        return EdgeRefusal.of(
                Refusal.MEDIA, ErrorCodes.CALL_ERROR, "MEDIA ERROR", JsonNodeFactory.instance.textNode(e.getMessage()));
    }

    private static HangupCause cause(SdpException e) {
        return e instanceof MediaCapacityException
                ? HangupCause.SWITCH_CONGESTION
                : HangupCause.INCOMPATIBLE_DESTINATION;
    }

    /**
     * The island's result to a {@code verto.modify}: with an {@code updateMedia} answer, rewritten for the browser;
     * null when that answer could not be relayed (the call is then ended on both sides).
     */
    JsonRpcResult modifyResult(String callId, JsonRpcResult r) {
        if (calls == null || !(r.result() instanceof ObjectNode result)) {
            return r;
        }
        try {
            return new JsonRpcResult(r.id(), calls.modifyResult(callId, result));
        } catch (SdpException e) {
            LOG.warn(
                    "session {}: cannot relay the updated media of call {}: {}",
                    LogSafe.text(session.sessid()),
                    LogSafe.text(callId),
                    LogSafe.text(e.getMessage()));
            hangUp(callId, cause(e), e.getMessage(), true);
            return null;
        }
    }

    /** An island request, its SDP rewritten for the browser; null when its call had to end instead. */
    JsonRpcRequest fromIsland(JsonRpcRequest r) {
        track(r);
        if (calls == null) {
            return r;
        }
        String callId = Params.callId(r.params());
        boolean offer = VertoMethod.INVITE.wireName().equals(r.method())
                || VertoMethod.ATTACH.wireName().equals(r.method());
        if (offer
                && Params.text(r.params(), "sdp") != null
                && calls.relay(callId) == null
                && calls.size() >= limits.callsPerSession()) {
            LOG.info(
                    "session {}: call {} refused: {} calls already",
                    LogSafe.text(session.sessid()),
                    LogSafe.text(callId),
                    calls.size());
            hangUp(callId, HangupCause.USER_BUSY, "too many calls on this session", false);
            return null;
        }
        try {
            return calls.fromIsland(r);
        } catch (SdpException e) {
            LOG.warn(
                    "session {}: cannot relay the media of call {} ({}): {}",
                    LogSafe.text(session.sessid()),
                    LogSafe.text(callId),
                    r.method(),
                    LogSafe.text(e.getMessage()));
            hangUp(callId, cause(e), e.getMessage(), !offer);
            return null;
        }
    }

    /** A relay leg failed (ICE consent lost, DTLS refused, a wrong fingerprint): the call ends on both sides. */
    private void legEvent(String callId, LegEvent event) {
        if (session.state() == ClientSessionState.CLOSED || calls.relay(callId) == null) {
            return;
        }
        if (event.kind() == LegEvent.Kind.LEG_FAILED) {
            LOG.info(
                    "session {}: call {} media failed: {}",
                    LogSafe.text(session.sessid()),
                    LogSafe.text(callId),
                    event);
            hangUp(callId, MediaHangup.cause(event.failure()), event.cause(), true);
        }
    }

    /** Ends a call from the gateway: a bye to the island and, when it knows the call, to the browser. */
    void hangUp(String callId, HangupCause cause, String reason, boolean tellBrowser) {
        if (callId == null) {
            return;
        }
        close(callId);
        ObjectNode up = JsonNodeFactory.instance.objectNode();
        up.putObject("dialogParams").put("callID", callId);
        up.put("cause", cause.name());
        up.put("causeCode", cause.code());
        up.put("sessid", session.sessid());
        session.relay.sendOwn("verto.bye", up, callId);
        if (tellBrowser) {
            ObjectNode down = JsonNodeFactory.instance.objectNode();
            down.put("callID", callId);
            down.put("causeCode", cause.code());
            down.put("cause", cause.name());
            down.put("reason", reason);
            long id = session.relay.downstreamId(JsonNodeFactory.instance.nullNode());
            session.send(JsonRpcRequest.of(LongNode.valueOf(id), "verto.bye", down));
        }
    }

    void close(String callId) {
        active.remove(callId);
        if (calls != null) {
            calls.close(callId);
        }
    }

    void closeAll() {
        active.clear();
        if (calls != null) {
            calls.closeAll();
        }
    }

    int open() {
        return calls == null ? 0 : calls.size();
    }
}
