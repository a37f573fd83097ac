package org.vertogw.island;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.island.media.MediaException;
import org.vertogw.protocol.codec.VertoCodec;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.message.HangupCause;

/**
 * This island's trunks to the others (docs/operations.md, "Calls across islands"), one {@link TrunkLink} per far
 * island, opened on the first call there and kept: a call to a user another island serves becomes a callee leg on
 * the link, which the far island rings as if a browser had called; its answer, bye and DTMF come back here. The
 * media of the two legs is bridged by this island as for any call. Runs on the island's thread.
 */
final class Trunks {

    private static final Logger LOG = LoggerFactory.getLogger(Trunks.class);

    private final IslandConfig config;
    private final Calls calls;
    private final ScheduledExecutorService loop;
    private final Map<String, TrunkLink> links = new HashMap<>();
    private final VertoCodec codec = new VertoCodec();
    private final ServerIds ids = new ServerIds();
    private WebSocketClient client;

    Trunks(IslandConfig config, Calls calls, ScheduledExecutorService loop) {
        this.config = config;
        this.calls = calls;
        this.loop = loop;
    }

    String self() {
        return config.id();
    }

    String secret() {
        return config.trunkSecret();
    }

    void execute(Runnable task) {
        try {
            loop.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("island {}: trunk event failed", config.id(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("island {} stopped; trunk event dropped", config.id());
        }
    }

    /** Rings {@code target@domain} on {@code route}'s island for the caller {@code a}. */
    void call(Leg a, String target, String domain, IslandRoute route) {
        TrunkLink link = links.get(route.island());
        if (link == null || link.closed()) {
            link = new TrunkLink(route.island(), this, codec, ids);
            links.put(route.island(), link);
            link.open(client(), route.verto());
        }
        TrunkLink chosen = link;
        link.whenReady(() -> place(a, target, domain, chosen), () -> {
            if (a.state != LegState.ENDED && a.forks.isEmpty() && a.partner == null) {
                calls.hangup(a, HangupCause.DESTINATION_OUT_OF_ORDER, true);
            }
        });
    }

    private void place(Leg a, String target, String domain, TrunkLink link) {
        if (a.state == LegState.ENDED) {
            return;
        }
        Leg b = new Leg(UUID.randomUUID().toString(), false, link.connection());
        b.trunk = true;
        b.recoverCall = false;
        b.caller = a;
        b.callerIdName = a.partyName();
        b.callerIdNumber = a.partyNumber();
        b.calleeIdName = target;
        b.calleeIdNumber = target;
        String offer;
        try {
            b.media = config.media().newLeg(b.callId, a.media);
            offer = b.media.offer();
        } catch (MediaException e) {
            Leg.closeMedia(b);
            calls.hangup(a, HangupCause.BEARERCAPABILITY_NOTAVAIL, true);
            return;
        }
        a.forks.add(b);
        calls.add(b);
        ObjectNode params = IslandConnection.object();
        params.put("callID", b.callId);
        params.put("sdp", offer);
        params.put("sessid", link.connection().sessid());
        ObjectNode dp = params.putObject("dialogParams");
        dp.put("callID", b.callId);
        dp.put("destination_number", target + "@" + domain);
        dp.put("caller_id_name", b.callerIdName);
        dp.put("caller_id_number", b.callerIdNumber);
        dp.put("recoverCall", false);
        link.connection().request("verto.invite", params);
        LOG.debug("call {} trunked to island {} as {}", a.callId, link.peer(), b.callId);
    }

    /** What the far island sends on a link: the answer, the end, hold and the DTMF of legs placed on it. */
    void received(TrunkLink link, JsonRpcRequest request) {
        String callId = request.params().path("callID").asText(null);
        Leg b = callId == null ? null : calls.find(callId);
        if (b == null || b.connection != link.connection()) {
            return;
        }
        switch (request.method()) {
            case "verto.answer" -> {
                if (b.state == LegState.RINGING && b.caller != null) {
                    calls.answered(b, request.params().path("sdp").asText(""), null);
                }
            }
            case "verto.bye" -> {
                var p = request.params();
                Integer code = p.path("causeCode").isInt() ? p.path("causeCode").asInt() : null;
                calls.hangup(b, HangupCause.of(p.path("cause").asText(null), code), false);
            }
            case "verto.modify" -> {
                String action = request.params().path("action").asText("");
                if (action.equals("trunkHold") || action.equals("trunkUnhold")) {
                    b.held = action.equals("trunkHold");
                }
            }
            case "verto.info" -> {
                String dtmf = request.params().path("dtmf").asText("");
                if (dtmf.matches("[0-9*#A-Da-d]{1,32}")) {
                    calls.dtmf(b, dtmf);
                }
            }
            default -> {}
        }
    }

    /** A link went away: its calls end as FreeSWITCH ends a call whose trunk failed. */
    void lost(TrunkLink link) {
        links.remove(link.peer(), link);
        for (Leg leg : new ArrayList<>(calls.legs())) {
            if (leg.connection == link.connection() && link.connection() != null) {
                calls.hangup(leg, HangupCause.DESTINATION_OUT_OF_ORDER, false);
            }
        }
    }

    private WebSocketClient client() {
        if (client == null) {
            client = new WebSocketClient();
            try {
                client.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the trunk client", e);
            }
        }
        return client;
    }

    void close() {
        links.values().forEach(TrunkLink::close);
        links.clear();
        if (client != null) {
            try {
                client.stop();
            } catch (Exception e) {
                LOG.debug("stopping the trunk client: {}", e.toString());
            }
        }
    }
}
