package org.vertogw.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.observe.LogSafe;
import org.vertogw.protocol.codec.VertoDecodeException;
import org.vertogw.protocol.jsonrpc.ErrorCodes;
import org.vertogw.protocol.jsonrpc.JsonRpcError;
import org.vertogw.protocol.jsonrpc.JsonRpcMessage;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.JsonRpcResponse;
import org.vertogw.protocol.jsonrpc.JsonRpcResult;
import org.vertogw.protocol.message.Params;
import org.vertogw.protocol.message.VertoMethod;

/**
 * The relay of one logged-in session: browser requests go up under an id of the gateway's (at most
 * {@code limits.maxPendingRequests} in flight), island requests come down under another, and each response goes
 * back under the id its asker used (docs/protocol.md §1.3). The session's thread only.
 */
final class RequestRelay {

    private static final Logger LOG = LoggerFactory.getLogger(RequestRelay.class);
    private static final int SERVER_ID_MEMORY = 512;

    private final ClientSession session;
    private final PendingRequests pending;
    private final ServerRequestIds serverIds = new ServerRequestIds(SERVER_ID_MEMORY);

    RequestRelay(ClientSession session) {
        this.session = session;
        this.pending = new PendingRequests(session.ctx.config().limits().maxPendingRequests());
    }

    /** A browser request of a logged-in session, to the island. */
    void forward(JsonRpcRequest request) throws EdgeRefusal {
        if (session.link.current() == null) {
            throw EdgeRefusal.unreachable(session.link.island());
        }
        JsonNode claimed = request.params().get("sessid");
        if (claimed != null && !(claimed.isTextual() && claimed.asText().equals(session.sessid()))) {
            throw EdgeRefusal.of(
                    Refusal.SESSID_MISMATCH,
                    ErrorCodes.PERMISSION_DENIED,
                    "Permission Denied",
                    JsonNodeFactory.instance.textNode("params.sessid names another session"));
        }
        JsonRpcRequest up = session.media.fromBrowser(request);
        if (up.isNotification()) {
            sendUp(up);
            return;
        }
        long id = track(up.id(), up.method(), Params.callId(up.params()));
        sendUp(up.withId(LongNode.valueOf(id)));
    }

    /** An upstream id for a request the gateway sends on the browser's behalf (or its own, with a missing id). */
    long track(JsonNode browserId, String method, String callId) throws EdgeRefusal {
        long id = pending.add(new PendingRequests.Pending(browserId, method, callId));
        if (id < 0) {
            throw EdgeRefusal.rateLimited(Refusal.PENDING_LIMIT, 1000);
        }
        return id;
    }

    /** A request of the gateway's own (a bye when it ends a call): its answer goes nowhere. */
    void sendOwn(String method, com.fasterxml.jackson.databind.node.ObjectNode params, String callId) {
        long id = pending.add(new PendingRequests.Pending(MissingNode.getInstance(), method, callId));
        if (id >= 0) {
            sendUp(JsonRpcRequest.of(LongNode.valueOf(id), method, params));
        }
    }

    /** A browser answer to an island request: back up under the island's own id. */
    void browserResponse(JsonRpcResponse response) {
        JsonNode islandId = serverIds.take(response.id());
        if (islandId != null && !islandId.isNull() && response instanceof JsonRpcResult r) {
            sendUp(r.withId(islandId));
        }
        // mod_verto reads an error-only message as a request without a method and answers -32601
        // (docs/protocol.md §1.4): an error from the browser is not sent up.
    }

    /** A frame from the island. */
    void islandText(String text) {
        if (text.startsWith("#")) {
            session.speedTests.fromIsland(text);
            return;
        }
        JsonRpcMessage message;
        try {
            message = session.ctx.codec().decode(text);
        } catch (VertoDecodeException e) {
            LOG.warn("island {} sent an unusable frame: {}", session.link.island(), LogSafe.text(e.getMessage()));
            return;
        }
        if (message instanceof JsonRpcRequest request) {
            islandRequest(request);
        } else {
            islandResponse((JsonRpcResponse) message);
        }
    }

    private void islandRequest(JsonRpcRequest request) {
        JsonRpcRequest down = session.media.fromIsland(request);
        if (down == null) {
            return; // the relay could not carry the call's media: it was hung up
        }
        session.send(down.withId(LongNode.valueOf(serverIds.add(request.id()))));
        if (VertoMethod.PUNT.wireName().equals(request.method())) {
            session.closeBrowser(CloseReason.PUNTED);
            session.end("punted by the island");
        }
    }

    private void islandResponse(JsonRpcResponse response) {
        if (response.id().isNull()) {
            session.send(response); // the answer to a notification (docs/protocol.md §1.4)
            return;
        }
        PendingRequests.Pending p = pending.take(response.id());
        if (p == null) {
            return;
        }
        if (session.loginFlow.isLoginAnswer(response.id())) {
            session.loginFlow.answered(p, response);
            return;
        }
        if (response instanceof JsonRpcError && VertoMethod.INVITE.wireName().equals(p.method())) {
            session.media.close(p.callId());
        }
        if (response instanceof JsonRpcResult r && VertoMethod.MODIFY.wireName().equals(p.method())) {
            // updateMedia: the island's answer in the result is rewritten, or the call is ended (docs/protocol.md §4.6)
            response = session.media.modifyResult(p.callId(), r);
            if (response == null) {
                if (!p.browserId().isMissingNode()) {
                    session.answer(
                            p.browserId(),
                            EdgeRefusal.of(
                                    Refusal.MEDIA,
                                    ErrorCodes.CALL_ERROR,
                                    "MEDIA ERROR",
                                    JsonNodeFactory.instance.textNode("the island's answer could not be relayed")));
                }
                return;
            }
        }
        if (!p.browserId().isMissingNode()) {
            session.send(
                    response instanceof JsonRpcResult r
                            ? r.withId(p.browserId())
                            : ((JsonRpcError) response).withId(p.browserId()));
        }
    }

    /** A request from the island for the browser, under a downstream id of the gateway's. */
    long downstreamId(JsonNode islandId) {
        return serverIds.add(islandId);
    }

    /** The link is gone: what was in flight, removed; each browser request among them gets an error. */
    List<PendingRequests.Pending> linkGone() {
        List<PendingRequests.Pending> gone = pending.drain();
        String island = session.link.island();
        for (PendingRequests.Pending p : gone) {
            if (!p.browserId().isMissingNode()) {
                session.answer(p.browserId(), EdgeRefusal.unreachable(island));
            }
        }
        return gone;
    }

    void sendUp(JsonRpcMessage message) {
        session.link.send(session.ctx.codec().encode(message));
        session.ctx.metrics().messages.labelValues("to_island").inc();
    }
}
