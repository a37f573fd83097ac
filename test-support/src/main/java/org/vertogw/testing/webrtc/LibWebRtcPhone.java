package org.vertogw.testing.webrtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.vertogw.testing.VertoTestClient;

/**
 * A Verto softphone with libwebrtc media: raw Verto over WSS as verto.js speaks it (login docs/protocol.md §3.7, calls §4 of
 * docs/protocol.md), one {@link LibWebRtcPeer} per call, complete SDP in invite and answer. Answers every server
 * request it consumes with {@code {"method": ...}}, as verto.js does.
 */
public final class LibWebRtcPhone implements AutoCloseable {

    private static final Set<String> ANSWER_METHODS = Set.of("verto.media", "verto.answer");

    private final String login;
    private final short toneAmplitude;
    private final VertoTestClient verto;
    private final String sessid = UUID.randomUUID().toString();
    private volatile LibWebRtcPeer peer;
    private volatile String callId;
    private volatile boolean video;

    private LibWebRtcPhone(String login, short toneAmplitude, VertoTestClient verto) {
        this.login = login;
        this.toneAmplitude = toneAmplitude;
        this.verto = verto;
    }

    /**
     * Connects and logs in; fails unless the gateway answers "logged in".
     *
     * @param toneAmplitude the amplitude of the tone its calls send (see {@link LibWebRtcPeer})
     */
    public static LibWebRtcPhone login(URI wss, String login, String password, short toneAmplitude) throws Exception {
        VertoTestClient verto = VertoTestClient.connect(wss);
        LibWebRtcPhone phone = new LibWebRtcPhone(login, toneAmplitude, verto);
        JsonNode r = verto.call("login", VertoTestClient.loginParams(login, password, phone.sessid));
        if (!"logged in".equals(r.path("result").path("message").asText())) {
            phone.close();
            throw new AssertionError(login + ": login failed: " + r);
        }
        return phone;
    }

    /**
     * Places a call (verto.invite with the complete offer) and applies the far end's answer SDP, from
     * verto.media or verto.answer, whichever carries it (docs/protocol.md §4.3). Returns that answer.
     */
    public String call(String destination) throws Exception {
        peer = new LibWebRtcPeer(login, toneAmplitude, LibWebRtcPeer.Transport.UDP, video);
        String offer = peer.offer();
        callId = UUID.randomUUID().toString();
        JsonNode created = verto.call("verto.invite", VertoTestClient.inviteParams(callId, destination, sessid, offer));
        if (!"CALL CREATED".equals(created.path("result").path("message").asText())) {
            throw new AssertionError(login + ": invite to " + destination + " failed: " + created);
        }
        JsonNode answer = verto.await(
                m -> ANSWER_METHODS.contains(m.path("method").asText())
                        && callId.equals(m.path("params").path("callID").asText())
                        && !m.path("params").path("sdp").asText().isEmpty(),
                "answer SDP for " + callId);
        verto.reply(answer);
        String sdp = answer.path("params").path("sdp").asText();
        peer.applyAnswer(sdp);
        return sdp;
    }

    /** Answers the next incoming call (docs/protocol.md §4.4): the offer goes to a new peer, its complete answer to verto.answer. */
    public String answerIncoming() throws Exception {
        JsonNode invite = verto.awaitRequest("verto.invite");
        verto.reply(invite);
        callId = invite.path("params").path("callID").asText();
        String offer = invite.path("params").path("sdp").asText();
        peer = new LibWebRtcPeer(login, toneAmplitude, LibWebRtcPeer.Transport.UDP, video);
        ObjectNode params = VertoTestClient.callParams(callId, sessid);
        params.put("sdp", peer.answer(offer));
        JsonNode r = verto.call("verto.answer", params);
        if (!r.has("result")) {
            throw new AssertionError(login + ": verto.answer failed: " + r);
        }
        return offer;
    }

    /** verto.bye for the current call (docs/protocol.md §4.5); returns the gateway's response. */
    public JsonNode hangUp() throws InterruptedException {
        ObjectNode params = VertoTestClient.callParams(callId, sessid);
        params.put("cause", "NORMAL_CLEARING");
        return verto.call("verto.bye", params);
    }

    /** Waits for the far end's verto.bye for the current call and acknowledges it. */
    public JsonNode awaitHangUp() throws InterruptedException {
        JsonNode bye = verto.awaitRequest("verto.bye", callId);
        verto.reply(bye);
        return bye;
    }

    /** DTMF for the current call as verto.js sends it: {@code verto.info} with {@code dtmf} (docs/protocol.md §4.7). */
    public JsonNode dtmf(String digits) throws InterruptedException {
        ObjectNode params = VertoTestClient.callParams(callId, sessid);
        params.put("dtmf", digits);
        return verto.call("verto.info", params);
    }

    /** Calls placed or answered from now on send a {@link SyntheticCamera}'s video too. */
    public LibWebRtcPhone withVideo() {
        video = true;
        return this;
    }

    public LibWebRtcPeer peer() {
        return peer;
    }

    public String callId() {
        return callId;
    }

    /** Closes the call's peer (every native object of it), then the WebSocket. */
    @Override
    public void close() {
        try {
            if (peer != null) {
                peer.close();
            }
        } finally {
            try {
                verto.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(login + ": closing the Verto connection failed", e);
            }
        }
    }
}
