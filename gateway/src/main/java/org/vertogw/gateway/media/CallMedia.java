package org.vertogw.gateway.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.sdp.SdpException;
import org.vertogw.media.transport.LegEvent;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.message.Params;

/**
 * The media of one browser session: a {@link MediaRelay} per call, and the SDP of every message that carries one
 * rewritten so each side sees the gateway as its peer (docs/protocol.md §6.4). A browser offer
 * ({@code verto.invite}) becomes the gateway's offer to the island and the island's answer ({@code verto.media} or
 * {@code verto.answer}) the gateway's answer to the browser; an island offer ({@code verto.invite},
 * {@code verto.attach}) becomes the gateway's offer to the browser, and the browser's answer ({@code verto.answer},
 * {@code verto.attach}) the gateway's answer to the island. Runs on the session's thread.
 */
public final class CallMedia {

    private final MediaEngine engine;
    private final BiConsumer<String, LegEvent> events;
    private final Map<String, MediaRelay> relays = new HashMap<>();

    /** {@code events} hears relay events with their call id, on a media thread. */
    public CallMedia(MediaEngine engine, BiConsumer<String, LegEvent> events) {
        this.engine = engine;
        this.events = events;
    }

    /** A browser request, its SDP rewritten for the island; unchanged when it carries none. */
    public JsonRpcRequest fromBrowser(JsonRpcRequest r) throws SdpException {
        String callId = Params.callId(r.params());
        String sdp = Params.text(r.params(), "sdp");
        switch (r.method()) {
            case "verto.invite" -> {
                if (sdp == null || callId == null) {
                    return r;
                }
                MediaRelay relay = open(callId);
                try {
                    return withSdp(r, relay.islandOfferFromBrowserOffer(sdp));
                } catch (SdpException | RuntimeException e) {
                    close(callId); // nothing of a refused offer stays open
                    throw e;
                }
            }
            case "verto.answer", "verto.attach" -> {
                if (sdp == null || callId == null) {
                    return r;
                }
                return withSdp(r, existing(callId).islandAnswerFromBrowserAnswer(sdp));
            }
            case "verto.modify" -> {
                if (sdp == null || callId == null) {
                    return r;
                }
                return withSdp(r, existing(callId).islandOfferFromBrowserReoffer(sdp));
            }
            case "verto.bye" -> {
                close(callId);
                return r;
            }
            default -> {
                return r;
            }
        }
    }

    /** An island request, its SDP rewritten for the browser; unchanged when it carries none. */
    public JsonRpcRequest fromIsland(JsonRpcRequest r) throws SdpException {
        String callId = Params.callId(r.params());
        String sdp = Params.text(r.params(), "sdp");
        switch (r.method()) {
            case "verto.invite", "verto.attach" -> {
                if (sdp == null || callId == null) {
                    return r;
                }
                MediaRelay relay = open(callId);
                try {
                    return withSdp(r, relay.browserOfferFromIslandOffer(sdp));
                } catch (SdpException | RuntimeException e) {
                    close(callId);
                    throw e;
                }
            }
            case "verto.media", "verto.answer" -> {
                if (sdp == null || callId == null) {
                    return r;
                }
                return withSdp(r, existing(callId).browserAnswerFromIslandAnswer(sdp));
            }
            case "verto.bye" -> {
                close(callId);
                return r;
            }
            default -> {
                return r;
            }
        }
    }

    /**
     * The island's answer to a relayed {@code verto.modify} {@code updateMedia}, in its result: rewritten for the
     * browser; unchanged when it carries no SDP.
     */
    public ObjectNode modifyResult(String callId, ObjectNode result) throws SdpException {
        String sdp = result.path("sdp").isTextual() ? result.path("sdp").asText() : null;
        if (sdp == null || callId == null) {
            return result;
        }
        ObjectNode out = result.deepCopy();
        out.put("sdp", existing(callId).browserAnswerFromIslandAnswer(sdp));
        return out;
    }

    /** The relay of a call, or null. */
    public MediaRelay relay(String callId) {
        return relays.get(callId);
    }

    /** Releases a call's relay (its ports and ICE username); nothing when it has none. */
    public void close(String callId) {
        MediaRelay relay = callId == null ? null : relays.remove(callId);
        if (relay != null) {
            relay.close();
        }
    }

    public void closeAll() {
        List<MediaRelay> all = new ArrayList<>(relays.values());
        relays.clear();
        all.forEach(MediaRelay::close);
    }

    public int size() {
        return relays.size();
    }

    /** A fresh relay for a call; an older one (a renegotiation, or a re-attach) is closed first. */
    private MediaRelay open(String callId) {
        close(callId);
        MediaRelay relay = engine.newRelay(callId);
        relay.onEvent(e -> events.accept(callId, e));
        relays.put(callId, relay);
        return relay;
    }

    private MediaRelay existing(String callId) throws SdpException {
        MediaRelay relay = relays.get(callId);
        if (relay == null) {
            throw new SdpException("no offer was relayed for call " + callId);
        }
        return relay;
    }

    private static JsonRpcRequest withSdp(JsonRpcRequest r, String sdp) {
        ObjectNode p = r.params().deepCopy();
        p.put("sdp", sdp);
        return r.withParams(p);
    }
}
