package org.vertogw.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.concurrent.SerialExecutor;
import org.vertogw.gateway.island.IslandLink;
import org.vertogw.gateway.island.IslandLinkState;
import org.vertogw.gateway.media.CallMedia;
import org.vertogw.gateway.media.MediaHangup;
import org.vertogw.gateway.routing.RoutingDecision;
import org.vertogw.media.sdp.SdpException;
import org.vertogw.media.transport.LegEvent;
import org.vertogw.protocol.codec.VertoDecodeException;
import org.vertogw.protocol.jsonrpc.ErrorCodes;
import org.vertogw.protocol.jsonrpc.JsonRpcError;
import org.vertogw.protocol.jsonrpc.JsonRpcMessage;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.JsonRpcResponse;
import org.vertogw.protocol.jsonrpc.JsonRpcResult;
import org.vertogw.protocol.jsonrpc.RpcError;
import org.vertogw.protocol.message.HangupCause;
import org.vertogw.protocol.message.Login;
import org.vertogw.protocol.message.Params;
import org.vertogw.protocol.message.VertoMethod;

/**
 * One browser connection: the Verto login dance, routing to the serving island, the upstream link with the
 * browser's own sessid, and the relay of requests and responses both ways with ids remapped per direction.
 *
 * <p>Threading: every event (browser frame, link event, timer) runs on this session's {@link SerialExecutor}, so
 * the fields need no locks. Methods named {@code on...} are the entry points and may be called from any thread.
 */
public final class ClientSession implements IslandLink.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    private static final int HELD_LIMIT = 32;
    private static final int SERVER_ID_MEMORY = 512;

    private final GatewayContext ctx;
    private final Session socket;
    private final String requestedIsland;
    private final String remoteAddress;
    private final SerialExecutor executor;
    private final MessageRateLimiter rate;
    private final PendingRequests pending;
    private final ServerRequestIds serverIds = new ServerRequestIds(SERVER_ID_MEMORY);
    private final Deque<JsonRpcRequest> held = new ArrayDeque<>();
    private final Runnable onClosed;
    private final CallMedia media;

    private ClientSessionState state = ClientSessionState.CONNECTED;
    private IslandLink link;
    private String sessid;
    private String login;
    /** The island whose link dropped under a logged-in session, while the session waits to be sent away. */
    private String lostIsland;

    private long mapVersion;
    /** The credentialed login the island is checking: its browser id and upstream id. */
    private JsonNode loginBrowserId;

    private long loginUpstreamId = -1;
    private boolean loginIsRelogin;
    private ScheduledFuture<?> loginTimer;
    private JsonRpcRequest loginToSend;

    ClientSession(GatewayContext ctx, Session socket, String requestedIsland, String remoteAddress, Runnable onClosed) {
        this.ctx = ctx;
        this.socket = socket;
        this.requestedIsland = requestedIsland;
        this.remoteAddress = remoteAddress;
        this.onClosed = onClosed;
        this.executor = new SerialExecutor(ctx.pool());
        this.rate = new MessageRateLimiter(
                ctx.config().limits().messagesPerSecond(), ctx.config().limits().messageBurst(), System.nanoTime());
        this.pending = new PendingRequests(ctx.config().limits().maxPendingRequests());
        this.media = ctx.media() == null
                ? null
                : new CallMedia(ctx.media(), (callId, e) -> executor.execute(() -> relayEvent(callId, e)));
    }

    // ---- entry points -------------------------------------------------------------------------------------

    void onText(String text) {
        executor.execute(() -> browserText(text));
    }

    void onClosed(int code, String reason) {
        executor.execute(() -> end("browser closed: " + code + " " + reason));
    }

    @Override
    public void linkOpened(IslandLink l) {
        executor.execute(() -> {
            if (l == link && loginToSend != null) {
                JsonRpcRequest r = loginToSend;
                loginToSend = null;
                l.send(ctx.codec().encode(r));
            }
        });
    }

    @Override
    public void linkFailed(IslandLink l, Throwable cause) {
        executor.execute(() -> linkGone(l, "connect failed: " + cause));
    }

    @Override
    public void linkText(IslandLink l, String text) {
        executor.execute(() -> {
            if (l == link) {
                islandText(text);
            }
        });
    }

    @Override
    public void linkClosed(IslandLink l, int code, String reason) {
        executor.execute(() -> linkGone(l, "closed " + code + " " + reason));
    }

    /** Closes the browser connection with a close code, e.g. 1003 for a binary frame. */
    void refuse(int code, String reason) {
        executor.execute(() -> {
            closeBrowser(code, reason);
            end(reason);
        });
    }

    /** Ends this session because the same user took its sessid over elsewhere on this gateway. */
    void punt() {
        executor.execute(() -> {
            if (state == ClientSessionState.CLOSED) {
                return;
            }
            sendToBrowser(JsonRpcRequest.of(
                    LongNode.valueOf(serverIds.add(JsonNodeFactory.instance.nullNode())),
                    "verto.punt",
                    JsonNodeFactory.instance.objectNode()));
            ctx.metrics().closed.labelValues("punted").inc();
            closeBrowser(1000, "punted: session taken over");
            end("punted");
        });
    }

    // ---- browser side -------------------------------------------------------------------------------------

    private void browserText(String text) {
        if (state == ClientSessionState.CLOSED) {
            return;
        }
        if (!rate.tryAcquire(System.nanoTime())) {
            refuseRateLimited(text);
            return;
        }
        if (text.startsWith("#")) {
            speedTestFrame(text);
            return;
        }
        JsonRpcMessage message;
        try {
            message = ctx.codec().decode(text);
        } catch (VertoDecodeException e) {
            ctx.metrics().refused.labelValues("malformed").inc();
            sendToBrowser(e.toResponse());
            return;
        }
        if (message instanceof JsonRpcRequest request) {
            browserRequest(request);
        } else {
            browserResponse((JsonRpcResponse) message);
        }
    }

    private void browserRequest(JsonRpcRequest request) {
        VertoMethod method = VertoMethod.fromWire(request.method()).orElse(null);
        if (method == null || !method.direction().allowsClient()) {
            ctx.metrics().refused.labelValues("unknown_method").inc();
            sendToBrowser(new JsonRpcError(
                    request.id(), RpcError.of(ErrorCodes.METHOD_NOT_FOUND, ErrorCodes.MSG_METHOD_NOT_FOUND)));
            return;
        }
        switch (state) {
            case CONNECTED -> {
                if (method == VertoMethod.LOGIN) {
                    loginRequest(request);
                } else {
                    authenticationRequired(request);
                }
            }
            case AUTHENTICATING -> {
                if (method == VertoMethod.LOGIN && !new Login(request.params()).hasCredentials()) {
                    authenticationRequired(request);
                } else if (held.size() < HELD_LIMIT) {
                    held.add(request);
                } else {
                    refuseRateLimited(request.id(), 1000);
                }
            }
            case LOGGED_IN -> {
                if (method == VertoMethod.LOGIN) {
                    loginRequest(request);
                } else {
                    forward(request);
                }
            }
            default -> {}
        }
    }

    private void authenticationRequired(JsonRpcRequest request) {
        sendToBrowser(new JsonRpcError(
                request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_REQUIRED, ErrorCodes.MSG_AUTHENTICATION_REQUIRED)));
    }

    /** A browser answer to an island request: back upstream under the island's own id. */
    private void browserResponse(JsonRpcResponse response) {
        if (state != ClientSessionState.LOGGED_IN || link == null) {
            return;
        }
        JsonNode islandId = serverIds.take(response.id());
        if (islandId == null || islandId.isNull()) {
            return;
        }
        if (response instanceof JsonRpcResult r) {
            sendToIsland(r.withId(islandId));
        }
        // mod_verto reads an error-only message as a request without a method and answers -32601 (docs/protocol.md
        // §1.4): drop it.
    }

    private void speedTestFrame(String text) {
        if (state == ClientSessionState.LOGGED_IN && link != null) {
            link.send(text);
        } else {
            // mod_verto drops a connection that starts the speed test before authenticating (docs/protocol.md §1.8).
            ctx.metrics().closed.labelValues("speedtest_unauthenticated").inc();
            closeBrowser(1008, "speed test before authentication");
        }
    }

    // ---- login -------------------------------------------------------------------------------------------

    private void loginRequest(JsonRpcRequest request) {
        Login l = new Login(request.params());
        if (!request.hadParams()) {
            sendToBrowser(
                    new JsonRpcError(request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, "Missing params")));
            return;
        }
        if (!l.hasCredentials()) {
            if (state == ClientSessionState.LOGGED_IN) {
                forward(request);
            } else {
                authenticationRequired(request);
            }
            return;
        }
        String name = l.login();
        int at = name.lastIndexOf('@');
        String user = at < 0 ? name : name.substring(0, at);
        String domain = at < 0 ? ctx.config().defaultDomain() : name.substring(at + 1);
        if (user.isBlank() || domain == null || domain.isBlank()) {
            sendToBrowser(new JsonRpcError(
                    request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, "Missing or improper credentials")));
            return;
        }
        String loginKey = user.strip() + "@" + domain.strip().toLowerCase(java.util.Locale.ROOT);
        if (state == ClientSessionState.LOGGED_IN) {
            if (!loginKey.equals(login)) {
                ctx.metrics().logins.labelValues("hijack").inc();
                sendToBrowser(new JsonRpcError(
                        request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, ErrorCodes.MSG_SESSION_IN_USE)));
                return;
            }
            sendLogin(request, true);
            return;
        }
        String wanted = l.sessid() != null && !l.sessid().isBlank()
                ? l.sessid()
                : UUID.randomUUID().toString();
        String owner = ctx.registry().ownerLogin(wanted);
        if (owner != null && !owner.equals(loginKey)) {
            LOG.warn("{}: login as {} presented a sessid bound to another user; refused", remoteAddress, loginKey);
            ctx.metrics().logins.labelValues("hijack").inc();
            sendToBrowser(new JsonRpcError(
                    request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, ErrorCodes.MSG_SESSION_IN_USE)));
            closeBrowser(1008, "Session in use");
            end("sessid hijack refused");
            return;
        }
        RoutingDecision decision;
        try {
            decision = ctx.router().route(user, domain);
        } catch (IllegalArgumentException e) {
            sendToBrowser(new JsonRpcError(
                    request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, "Missing or improper credentials")));
            return;
        }
        mapVersion = decision.mapVersion();
        if (decision.serving() == null) {
            ctx.metrics().logins.labelValues("no_island").inc();
            ObjectNode data = JsonNodeFactory.instance.objectNode().put("mapVersion", decision.mapVersion());
            sendToBrowser(new JsonRpcError(
                    request.id(), RpcError.of(ErrorCodes.NO_ISLAND_AVAILABLE, "No island available", data)));
            return;
        }
        String serving = decision.serving().id();
        if (requestedIsland != null && !requestedIsland.equals(serving)) {
            ctx.metrics().logins.labelValues("wrong_island").inc();
            ObjectNode data = JsonNodeFactory.instance
                    .objectNode()
                    .put("island", serving)
                    .put("mapVersion", decision.mapVersion());
            sendToBrowser(new JsonRpcError(request.id(), RpcError.of(ErrorCodes.WRONG_ISLAND, "Wrong island", data)));
            return;
        }
        if (decision.serving().verto() == null) {
            unreachable(request.id(), serving);
            return;
        }
        sessid = wanted;
        login = loginKey;
        ObjectNode params = request.params().deepCopy();
        params.put("sessid", sessid);
        JsonRpcRequest upstream = request.withParams(params);
        if (link == null || !link.islandId().equals(serving) || link.state() == IslandLinkState.CLOSED) {
            if (link != null) {
                link.close();
            }
            link = ctx.upstream().take(serving, URI.create(decision.serving().verto()), this);
        }
        sendLogin(upstream, false);
    }

    private void sendLogin(JsonRpcRequest request, boolean relogin) {
        long upstreamId = pending.add(new PendingRequests.Pending(request.id(), request.method(), null));
        if (upstreamId < 0) {
            refuseRateLimited(request.id(), 1000);
            return;
        }
        move(ClientSessionState.AUTHENTICATING);
        loginBrowserId = request.id();
        loginUpstreamId = upstreamId;
        loginIsRelogin = relogin;
        JsonRpcRequest upstream = request.withId(LongNode.valueOf(upstreamId));
        if (link.isOpen()) {
            link.send(ctx.codec().encode(upstream));
        } else {
            loginToSend = upstream;
        }
        long timeout = ctx.config().limits().loginTimeout().toMillis();
        loginTimer = ctx.scheduler()
                .schedule(
                        () -> executor.execute(() -> {
                            if (state == ClientSessionState.AUTHENTICATING && loginUpstreamId == upstreamId) {
                                LOG.warn("island {} did not answer a login in {} ms", link.islandId(), timeout);
                                linkGone(link, "login timed out");
                            }
                        }),
                        timeout,
                        TimeUnit.MILLISECONDS);
    }

    private void loginAnswered(PendingRequests.Pending p, JsonRpcResponse response) {
        loginUpstreamId = -1;
        cancelLoginTimer();
        if (response instanceof JsonRpcResult result) {
            ObjectNode body = result.resultObject();
            if (body != null && body.hasNonNull("sessid")) {
                sessid = body.get("sessid").asText();
            }
            ClientSession previous = ctx.registry().bind(sessid, login, this);
            if (previous == this) {
                // Another login bound the sessid while the island was checking this one.
                ctx.metrics().logins.labelValues("hijack").inc();
                sendToBrowser(new JsonRpcError(
                        p.browserId(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, ErrorCodes.MSG_SESSION_IN_USE)));
                closeBrowser(1008, "Session in use");
                end("sessid hijack refused");
                return;
            }
            if (previous != null) {
                previous.punt();
            }
            ctx.metrics().logins.labelValues("ok").inc();
            move(ClientSessionState.LOGGED_IN);
            ObjectNode out = body == null ? JsonNodeFactory.instance.objectNode() : body.deepCopy();
            out.putObject("gateway")
                    .put("id", ctx.config().id())
                    .put("island", link.islandId())
                    .put("mapVersion", mapVersion);
            sendToBrowser(new JsonRpcResult(p.browserId(), out));
            flushHeld();
        } else {
            ctx.metrics().logins.labelValues("refused").inc();
            sendToBrowser(((JsonRpcError) response).withId(p.browserId()));
            RpcError e = ((JsonRpcError) response).error();
            if (ErrorCodes.MSG_SESSION_IN_USE.equals(e.message())) {
                closeBrowser(1008, "Session in use");
                end("island refused the sessid");
                return;
            }
            move(loginIsRelogin ? ClientSessionState.LOGGED_IN : ClientSessionState.CONNECTED);
            if (!loginIsRelogin) {
                sessid = null;
                login = null;
            }
            if (state == ClientSessionState.LOGGED_IN) {
                flushHeld();
            } else {
                while (!held.isEmpty()) {
                    authenticationRequired(held.poll());
                }
            }
        }
    }

    private void flushHeld() {
        while (!held.isEmpty() && state == ClientSessionState.LOGGED_IN) {
            JsonRpcRequest r = held.poll();
            if (VertoMethod.LOGIN.wireName().equals(r.method())) {
                loginRequest(r);
            } else {
                forward(r);
            }
        }
    }

    // ---- relay -------------------------------------------------------------------------------------------

    private void forward(JsonRpcRequest request) {
        if (link == null) {
            unreachable(request.id(), lostIsland);
            return;
        }
        String claimed = request.sessid();
        if (claimed != null && !claimed.equals(sessid)) {
            ctx.metrics().refused.labelValues("sessid_mismatch").inc();
            sendToBrowser(new JsonRpcError(
                    request.id(),
                    RpcError.of(
                            ErrorCodes.PERMISSION_DENIED,
                            "Permission Denied",
                            JsonNodeFactory.instance.textNode("params.sessid names another session"))));
            return;
        }
        if (media != null) {
            try {
                request = media.fromBrowser(request);
            } catch (SdpException e) {
                mediaRefused(request, e);
                return;
            }
        }
        if (request.isNotification()) {
            sendToIsland(request);
            return;
        }
        long upstreamId = pending.add(
                new PendingRequests.Pending(request.id(), request.method(), Params.callId(request.params())));
        if (upstreamId < 0) {
            refuseRateLimited(request.id(), 1000);
            return;
        }
        sendToIsland(request.withId(LongNode.valueOf(upstreamId)));
    }

    private void islandText(String text) {
        if (text.startsWith("#")) {
            sendRawToBrowser(text);
            return;
        }
        JsonRpcMessage message;
        try {
            message = ctx.codec().decode(text);
        } catch (VertoDecodeException e) {
            LOG.warn("island {} sent an unusable frame: {}", link.islandId(), e.getMessage());
            return;
        }
        if (message instanceof JsonRpcRequest request) {
            islandRequest(request);
            return;
        }
        JsonRpcResponse response = (JsonRpcResponse) message;
        if (response.id().isNull()) {
            sendToBrowser(response); // the answer to a notification (docs/protocol.md §1.4)
            return;
        }
        PendingRequests.Pending p = pending.take(response.id());
        if (p == null) {
            return;
        }
        if (loginUpstreamId >= 0 && response.id().asLong() == loginUpstreamId) {
            loginAnswered(p, response);
            return;
        }
        if (media != null
                && response instanceof JsonRpcError
                && VertoMethod.INVITE.wireName().equals(p.method())) {
            media.close(p.callId());
        }
        if (p.browserId().isMissingNode()) {
            return; // the answer to the gateway's own request
        }
        sendToBrowser(
                response instanceof JsonRpcResult r
                        ? r.withId(p.browserId())
                        : ((JsonRpcError) response).withId(p.browserId()));
    }

    private void islandRequest(JsonRpcRequest request) {
        if (state != ClientSessionState.LOGGED_IN && state != ClientSessionState.AUTHENTICATING) {
            return;
        }
        if (media != null) {
            try {
                request = media.fromIsland(request);
            } catch (SdpException e) {
                String callId = Params.callId(request.params());
                LOG.warn(
                        "session {}: cannot relay the media of call {} ({}): {}",
                        sessid,
                        callId,
                        request.method(),
                        e.getMessage());
                boolean browserKnowsCall = !VertoMethod.INVITE.wireName().equals(request.method())
                        && !VertoMethod.ATTACH.wireName().equals(request.method());
                hangUp(callId, HangupCause.INCOMPATIBLE_DESTINATION, e.getMessage(), browserKnowsCall);
                return;
            }
        }
        long downstream = serverIds.add(request.id());
        sendToBrowser(request.withId(LongNode.valueOf(downstream)));
        if (VertoMethod.PUNT.wireName().equals(request.method())) {
            ctx.metrics().closed.labelValues("punted").inc();
            closeBrowser(1000, "punted: session taken over");
            end("punted by the island");
        }
    }

    private void linkGone(IslandLink l, String why) {
        if (l != link || state == ClientSessionState.CLOSED) {
            return;
        }
        String island = l.islandId();
        LOG.info("{}: link to island {} lost ({})", remoteAddress, island, why);
        l.close();
        link = null;
        cancelLoginTimer();
        for (PendingRequests.Pending p : pending.drain()) {
            if (!p.browserId().isMissingNode()) {
                unreachable(p.browserId(), island);
            }
        }
        if (state == ClientSessionState.AUTHENTICATING && !loginIsRelogin) {
            ctx.metrics().logins.labelValues("unreachable").inc();
            loginUpstreamId = -1;
            loginToSend = null;
            sessid = null;
            login = null;
            move(ClientSessionState.CONNECTED);
            while (!held.isEmpty()) {
                unreachable(held.poll().id(), island);
            }
            return;
        }
        // The session lived on that island: the browser must log in again to be routed afresh, when the health
        // view has judged the island (IslandLossPacer).
        lostIsland = island;
        ctx.pacer().lost(island, ctx.health().state(island), this);
    }

    /** Closes the browser with 1013 and a hint of when to log in again (see {@link IslandLossPacer}). */
    void sendAway(String island, long retryAfterMs) {
        executor.execute(() -> {
            if (state == ClientSessionState.CLOSED) {
                return;
            }
            ctx.metrics().closed.labelValues("island_lost").inc();
            closeBrowser(1013, "island " + island + " lost; retryAfterMs=" + Math.max(0, retryAfterMs));
            end("island link lost");
        });
    }

    // ---- output and teardown ---------------------------------------------------------------------------------

    private void unreachable(JsonNode browserId, String island) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("island", island);
        sendToBrowser(
                new JsonRpcError(browserId, RpcError.of(ErrorCodes.ISLAND_UNREACHABLE, "Island unreachable", data)));
    }

    private void refuseRateLimited(String text) {
        ctx.metrics().refused.labelValues("rate_limited").inc();
        try {
            JsonRpcMessage m = ctx.codec().decode(text);
            if (m instanceof JsonRpcRequest r && !r.isNotification()) {
                refuseRateLimited(r.id(), rate.retryAfterMillis());
            }
        } catch (VertoDecodeException ignored) {
            // over the rate and malformed: dropped
        }
    }

    private void refuseRateLimited(JsonNode id, long retryAfterMs) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("retryAfterMs", retryAfterMs);
        sendToBrowser(new JsonRpcError(id, RpcError.of(ErrorCodes.RATE_LIMITED, "Rate limited", data)));
    }

    private void sendToBrowser(JsonRpcMessage message) {
        sendRawToBrowser(ctx.codec().encode(message));
        ctx.metrics().messages.labelValues("to_browser").inc();
    }

    private void sendRawToBrowser(String text) {
        if (socket.isOpen()) {
            socket.sendText(text, Callback.from(() -> {}, t -> LOG.debug("send to browser failed: {}", t.toString())));
        }
    }

    private void sendToIsland(JsonRpcMessage message) {
        if (link != null) {
            link.send(ctx.codec().encode(message));
            ctx.metrics().messages.labelValues("to_island").inc();
        }
    }

    private void closeBrowser(int code, String reason) {
        if (socket.isOpen()) {
            socket.close(code, reason, Callback.NOOP);
        }
    }

    private void move(ClientSessionState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("session " + sessid + ": " + state + " -> " + next);
        }
        LOG.debug("session {} {}: {} -> {}", sessid, remoteAddress, state, next);
        state = next;
    }

    private void cancelLoginTimer() {
        if (loginTimer != null) {
            loginTimer.cancel(false);
            loginTimer = null;
        }
    }

    /** Final: releases the link (the island detaches the calls), the sessid and the address slot. */
    private void end(String why) {
        if (state == ClientSessionState.CLOSED) {
            return;
        }
        LOG.debug("session {} {} ended: {}", sessid, remoteAddress, why);
        state = ClientSessionState.CLOSED;
        cancelLoginTimer();
        if (link != null) {
            link.close();
            link = null;
        }
        ctx.registry().unbind(sessid, this);
        if (media != null) {
            media.closeAll();
        }
        held.clear();
        pending.drain();
        onClosed.run();
    }

    // ---- media ------------------------------------------------------------------------------------------

    /** A browser SDP the relay cannot use: the request fails with -32002, and an answered call is hung up. */
    private void mediaRefused(JsonRpcRequest request, SdpException e) {
        String callId = Params.callId(request.params());
        ctx.metrics().refused.labelValues("media").inc();
        RpcError error =
                RpcError.of(ErrorCodes.CALL_ERROR, "MEDIA ERROR", JsonNodeFactory.instance.textNode(e.getMessage()));
        if (callId != null) {
            error.raw().put("callID", callId);
        }
        sendToBrowser(new JsonRpcError(request.id(), error));
        if (!VertoMethod.INVITE.wireName().equals(request.method()) && callId != null) {
            hangUp(callId, HangupCause.INCOMPATIBLE_DESTINATION, e.getMessage(), true);
        }
    }

    /** A relay leg failed (ICE consent lost, DTLS failed, a wrong fingerprint): the call ends on both sides. */
    private void relayEvent(String callId, LegEvent event) {
        if (state == ClientSessionState.CLOSED || media == null || media.relay(callId) == null) {
            return;
        }
        if (event.kind() == LegEvent.Kind.LEG_FAILED) {
            LOG.info("session {}: call {} media failed: {}", sessid, callId, event);
            hangUp(callId, MediaHangup.cause(event.failure()), event.cause(), true);
        }
    }

    /** Ends a call from the gateway: a bye to the island and (when it knows the call) to the browser. */
    private void hangUp(String callId, HangupCause cause, String reason, boolean tellBrowser) {
        if (callId == null) {
            return;
        }
        if (media != null) {
            media.close(callId);
        }
        ObjectNode up = JsonNodeFactory.instance.objectNode();
        up.putObject("dialogParams").put("callID", callId);
        up.put("cause", cause.name());
        up.put("causeCode", cause.code());
        up.put("sessid", sessid);
        long upstreamId = pending.add(new PendingRequests.Pending(
                com.fasterxml.jackson.databind.node.MissingNode.getInstance(), "verto.bye", callId));
        if (upstreamId >= 0) {
            sendToIsland(JsonRpcRequest.of(LongNode.valueOf(upstreamId), "verto.bye", up));
        }
        if (tellBrowser) {
            ObjectNode down = JsonNodeFactory.instance.objectNode();
            down.put("callID", callId);
            down.put("causeCode", cause.code());
            down.put("cause", cause.name());
            down.put("reason", reason);
            sendToBrowser(JsonRpcRequest.of(
                    LongNode.valueOf(serverIds.add(JsonNodeFactory.instance.nullNode())), "verto.bye", down));
        }
    }

    // ---- views -------------------------------------------------------------------------------------------

    public String sessid() {
        return sessid;
    }

    public String login() {
        return login;
    }

    public String islandId() {
        IslandLink l = link;
        return l == null ? null : l.islandId();
    }

    public ClientSessionState state() {
        return state;
    }

    public String remoteAddress() {
        return remoteAddress;
    }
}
