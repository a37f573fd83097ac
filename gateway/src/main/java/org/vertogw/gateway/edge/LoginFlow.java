package org.vertogw.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.island.UpstreamPool;
import org.vertogw.gateway.observe.LogSafe;
import org.vertogw.gateway.routing.RoutingDecision;
import org.vertogw.partition.KeyFolding;
import org.vertogw.protocol.jsonrpc.ErrorCodes;
import org.vertogw.protocol.jsonrpc.JsonRpcError;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.JsonRpcResponse;
import org.vertogw.protocol.jsonrpc.JsonRpcResult;
import org.vertogw.protocol.jsonrpc.RpcError;
import org.vertogw.protocol.message.Login;
import org.vertogw.protocol.message.VertoMethod;

/**
 * The login of one session (docs/protocol.md §3.7, §10.3): a credential-less login is answered -32000 here; a
 * credentialed one is checked against the failed-login back-off, routed, and sent to the serving island with the
 * browser's own sessid; the island decides. While it does, the session's other requests are held (at most
 * {@code limits.maxHeldRequests}). The session's thread only.
 */
final class LoginFlow {

    private static final Logger LOG = LoggerFactory.getLogger(LoginFlow.class);

    private final ClientSession session;
    private final String requestedIsland;
    private final Deque<JsonRpcRequest> held = new ArrayDeque<>();
    private JsonNode browserId;
    private long upstreamId = -1;
    private boolean relogin;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> deadline;
    private JsonRpcRequest toSend;
    private long mapVersion;
    private String user;
    /** The island whose warm link this login took, and its URL, until the link is replaced. */
    private String taken;

    private URI takenUri;
    /** When the login in flight came from the browser, and when it went up to the island (System.nanoTime). */
    private long receivedNanos;

    private long sentNanos;

    LoginFlow(ClientSession session, String requestedIsland) {
        this.session = session;
        this.requestedIsland = requestedIsland;
    }

    /** From the upgrade, {@code limits.loginDeadline} to log in; a connection that has not is closed (1008). */
    void startDeadline() {
        long ms = session.ctx.config().limits().loginDeadline().toMillis();
        deadline = session.ctx
                .scheduler()
                .schedule(
                        () -> session.run(() -> {
                            ClientSessionState s = session.state();
                            if (s != ClientSessionState.LOGGED_IN && s != ClientSessionState.CLOSED) {
                                session.closeBrowser(CloseReason.LOGIN_DEADLINE);
                                session.end("not logged in within " + ms + " ms");
                            }
                        }),
                        ms,
                        TimeUnit.MILLISECONDS);
    }

    /** A {@code login} in any state but AUTHENTICATING. */
    void request(JsonRpcRequest request) throws EdgeRefusal {
        Login l = new Login(request.params());
        if (!request.hadParams()) {
            throw EdgeRefusal.of(Refusal.MALFORMED, ErrorCodes.AUTHENTICATION_FAILED, "Missing params");
        }
        long received = System.nanoTime();
        if (!l.hasCredentials()) {
            if (session.state() == ClientSessionState.LOGGED_IN) {
                session.relay.forward(request);
            } else {
                session.authenticationRequired(request);
            }
            return;
        }
        String name = l.login();
        int at = name.lastIndexOf('@');
        String u = (at < 0 ? name : name.substring(0, at)).strip();
        String domain = at < 0 ? session.ctx.config().defaultDomain() : name.substring(at + 1);
        if (u.isEmpty() || domain == null || domain.isBlank()) {
            throw EdgeRefusal.of(
                    Refusal.MALFORMED, ErrorCodes.AUTHENTICATION_FAILED, "Missing or improper credentials");
        }
        // partitions fold domains as ASCII (docs/partitioning.md); the island compares user ids exactly
        String key = u + "@" + KeyFolding.fold(domain, "domain");
        long wait = session.ctx.throttle().waitMillis(key, session.remoteAddress(), System.nanoTime());
        if (wait > 0) {
            session.ctx.metrics().login(LoginOutcome.BACKED_OFF);
            LOG.debug("login {} from {} backed off {} ms", LogSafe.text(key), session.remoteAddress(), wait);
            throw EdgeRefusal.rateLimited(Refusal.LOGIN_BACKOFF, wait);
        }
        if (session.state() == ClientSessionState.LOGGED_IN) {
            if (!key.equals(session.login())) {
                session.ctx.metrics().login(LoginOutcome.SESSION_IN_USE);
                throw EdgeRefusal.of(
                        Refusal.SESSID_MISMATCH, ErrorCodes.AUTHENTICATION_FAILED, ErrorCodes.MSG_SESSION_IN_USE);
            }
            receivedNanos = received;
            send(request, true);
            return;
        }
        receivedNanos = received;
        route(request, l, u, domain, key);
    }

    private void route(JsonRpcRequest request, Login l, String u, String domain, String key) throws EdgeRefusal {
        RoutingDecision decision;
        try {
            decision = session.ctx.router().route(u, domain);
        } catch (IllegalArgumentException e) {
            throw EdgeRefusal.of(
                    Refusal.MALFORMED, ErrorCodes.AUTHENTICATION_FAILED, "Missing or improper credentials");
        }
        mapVersion = decision.mapVersion();
        if (decision.serving() == null) {
            session.ctx.metrics().login(LoginOutcome.NO_ISLAND);
            throw EdgeRefusal.of(
                    Refusal.ISLAND_UNREACHABLE,
                    ErrorCodes.NO_ISLAND_AVAILABLE,
                    "No island available",
                    JsonNodeFactory.instance.objectNode().put("mapVersion", mapVersion));
        }
        String serving = decision.serving().id();
        if (requestedIsland != null && !requestedIsland.equals(serving)) {
            session.ctx.metrics().login(LoginOutcome.WRONG_ISLAND);
            throw EdgeRefusal.of(
                    Refusal.ISLAND_UNREACHABLE,
                    ErrorCodes.WRONG_ISLAND,
                    "Wrong island",
                    JsonNodeFactory.instance.objectNode().put("island", serving).put("mapVersion", mapVersion));
        }
        URI upstream = upstream(decision.serving().verto());
        if (upstream == null) {
            session.ctx.metrics().login(LoginOutcome.UNREACHABLE);
            throw EdgeRefusal.unreachable(serving);
        }
        String sessid = l.sessid() != null && !l.sessid().isBlank()
                ? l.sessid()
                : UUID.randomUUID().toString();
        session.identify(sessid, key);
        user = key;
        ObjectNode params = request.params().deepCopy();
        params.put("sessid", sessid);
        session.link.connect(serving, upstream);
        send(request.withParams(params), false);
        taken = serving;
        takenUri = upstream;
    }

    /**
     * The warm link this login took is replaced once the island has answered and the answer is on its way to the
     * browser, on the scheduler's thread as the periodic refill: starting a WebSocket connect is a good part of the
     * gateway's work on a login (bench/signaling), and done on the session's thread right after the request it held
     * the island's answer back on a 2-core machine. A login that never hears back is covered by the refill.
     */
    private void replenish() {
        String island = taken;
        URI uri = takenUri;
        taken = null;
        takenUri = null;
        if (island != null) {
            UpstreamPool pool = session.ctx.upstream();
            try {
                session.ctx.scheduler().execute(() -> pool.replenish(island, uri));
            } catch (RejectedExecutionException closing) {
                // the gateway is stopping: its pool is closing too
            }
        }
    }

    /** The island's URL; the map parser checks it, so null only for a map made in code without one. */
    private static URI upstream(String verto) {
        try {
            return verto == null ? null : URI.create(verto);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void send(JsonRpcRequest request, boolean again) throws EdgeRefusal {
        long id = session.relay.track(request.id(), request.method(), null);
        session.move(ClientSessionState.AUTHENTICATING);
        browserId = request.id();
        upstreamId = id;
        relogin = again;
        JsonRpcRequest up = request.withId(LongNode.valueOf(id));
        if (session.link.isOpen()) {
            sentNanos = System.nanoTime();
            session.relay.sendUp(up);
        } else {
            toSend = up;
        }
        long timeout = session.ctx.config().limits().islandLoginTimeout().toMillis();
        timer = session.ctx
                .scheduler()
                .schedule(
                        () -> session.run(() -> {
                            if (session.state() == ClientSessionState.AUTHENTICATING && upstreamId == id) {
                                LOG.warn("island {} did not answer a login in {} ms", session.link.island(), timeout);
                                session.link.gone(session.link.current(), "login timed out");
                            }
                        }),
                        timeout,
                        TimeUnit.MILLISECONDS);
    }

    /** While the island checks a login: another credential-less login is answered, the rest waits. */
    void hold(JsonRpcRequest request) throws EdgeRefusal {
        if (VertoMethod.LOGIN.wireName().equals(request.method()) && !new Login(request.params()).hasCredentials()) {
            session.authenticationRequired(request);
        } else if (held.size() < session.ctx.config().limits().maxHeldRequests()) {
            held.add(request);
        } else {
            throw EdgeRefusal.rateLimited(Refusal.HELD_LIMIT, 1000);
        }
    }

    /** The link opened: the login waiting for it goes up. */
    void linkOpened() {
        if (toSend != null) {
            JsonRpcRequest r = toSend;
            toSend = null;
            sentNanos = System.nanoTime();
            session.relay.sendUp(r);
        }
    }

    boolean isLoginAnswer(JsonNode id) {
        return upstreamId >= 0 && id.canConvertToLong() && id.asLong() == upstreamId;
    }

    void answered(PendingRequests.Pending p, JsonRpcResponse response) {
        long island = System.nanoTime() - sentNanos;
        upstreamId = -1;
        cancel();
        if (response instanceof JsonRpcResult result) {
            accepted(p, result);
        } else {
            refused(p, (JsonRpcError) response);
        }
        session.ctx.metrics().loginAnswered(island, System.nanoTime() - receivedNanos);
        replenish();
    }

    private void accepted(PendingRequests.Pending p, JsonRpcResult result) {
        ObjectNode body = result.resultObject();
        String sessid =
                body != null && body.hasNonNull("sessid") ? body.get("sessid").asText() : session.sessid();
        session.identify(sessid, session.login());
        ClientSession previous = session.ctx.registry().bind(sessid, session.login(), session);
        if (previous == session) {
            // another login bound the sessid while the island was checking this one
            session.ctx.metrics().login(LoginOutcome.SESSION_IN_USE);
            session.send(new JsonRpcError(
                    p.browserId(), RpcError.of(ErrorCodes.AUTHENTICATION_FAILED, ErrorCodes.MSG_SESSION_IN_USE)));
            session.closeBrowser(CloseReason.SESSION_IN_USE);
            session.end("sessid bound to another login");
            return;
        }
        if (previous != null) {
            previous.punt();
        }
        session.ctx.throttle().succeeded(user);
        session.ctx.metrics().login(LoginOutcome.OK);
        session.move(ClientSessionState.LOGGED_IN);
        deadline.cancel(false);
        session.loggedIn();
        ObjectNode out = body == null ? JsonNodeFactory.instance.objectNode() : body.deepCopy();
        out.putObject("gateway")
                .put("id", session.ctx.config().id())
                .put("island", session.link.island())
                .put("mapVersion", mapVersion);
        session.send(new JsonRpcResult(p.browserId(), out));
        flushHeld();
    }

    private void refused(PendingRequests.Pending p, JsonRpcError response) {
        RpcError e = response.error();
        boolean inUse = ErrorCodes.MSG_SESSION_IN_USE.equals(e.message());
        session.ctx.metrics().login(inUse ? LoginOutcome.SESSION_IN_USE : LoginOutcome.REFUSED);
        session.send(response.withId(p.browserId()));
        if (inUse) {
            session.closeBrowser(CloseReason.SESSION_IN_USE);
            session.end("the island refused the sessid");
            return;
        }
        Integer code = e.code();
        if (code != null && code == ErrorCodes.AUTHENTICATION_FAILED) {
            session.ctx.throttle().failed(user, session.remoteAddress(), System.nanoTime());
            LOG.debug(
                    "login {} from {} refused: {}",
                    LogSafe.text(user),
                    session.remoteAddress(),
                    LogSafe.text(e.message()));
        }
        if (relogin) {
            session.move(ClientSessionState.LOGGED_IN);
            flushHeld();
        } else {
            session.move(ClientSessionState.CONNECTED);
            session.identify(null, null);
            while (!held.isEmpty()) {
                session.authenticationRequired(held.poll());
            }
        }
    }

    private void flushHeld() {
        while (!held.isEmpty() && session.state() == ClientSessionState.LOGGED_IN) {
            session.dispatch(held.poll());
        }
    }

    /**
     * The link went away. A first login in flight ends here (the browser hears -32012 and may log in again);
     * returns false when the session was logged in, so the session must be sent away.
     */
    boolean linkGone(String island) {
        if (session.state() != ClientSessionState.AUTHENTICATING || relogin) {
            return false;
        }
        session.ctx.metrics().login(LoginOutcome.UNREACHABLE);
        upstreamId = -1;
        toSend = null;
        session.identify(null, null);
        session.move(ClientSessionState.CONNECTED);
        while (!held.isEmpty()) {
            session.answer(held.poll().id(), EdgeRefusal.unreachable(island));
        }
        return true;
    }

    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    void clear() {
        cancel();
        if (deadline != null) {
            deadline.cancel(false);
        }
        held.clear();
    }
}
