package org.vertogw.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.concurrent.SerialExecutor;
import org.vertogw.gateway.observe.LogSafe;
import org.vertogw.protocol.jsonrpc.ErrorCodes;
import org.vertogw.protocol.jsonrpc.JsonRpcError;
import org.vertogw.protocol.jsonrpc.JsonRpcMessage;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.RpcError;
import org.vertogw.protocol.message.VertoMethod;

/**
 * One browser connection: a dispatcher over its parts, the {@link BrowserChannel} with its budgets, the
 * {@link LoginFlow}, the {@link RequestRelay} with its id maps, the {@link SessionMedia} and the {@link SpeedTests}.
 * Every refusal is an {@link EdgeRefusal} answered here, so none goes unanswered; a bug answers -32603 too.
 *
 * <p>Threading: every event (browser frame, link event, timer) runs on this session's {@link SerialExecutor}, so
 * the parts need no locks. The browser's frames are admitted on the receiving thread and read one at a time. What
 * the admin views read from other threads (state, sessid, login, island) is volatile.
 */
public final class ClientSession {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    final GatewayContext ctx;
    private final String remoteAddress;
    private final SessionHooks hooks;

    /** Frames run on it by {@link SerialExecutor#executeHere}: on their reading thread when the session is idle. */
    final SerialExecutor executor;

    final BrowserChannel browser;
    final SessionLink link = new SessionLink(this);
    final RequestRelay relay;
    final LoginFlow loginFlow;
    final SessionMedia media;
    final SpeedTests speedTests;
    private final BrowserFrames frames = new BrowserFrames(this);
    private volatile ClientSessionState state = ClientSessionState.CONNECTED;
    private volatile String sessid;
    private volatile String login;
    private boolean anonymous = true;

    ClientSession(
            GatewayContext ctx, Session socket, String requestedIsland, String remoteAddress, SessionHooks hooks) {
        this.ctx = ctx;
        this.remoteAddress = remoteAddress;
        this.hooks = hooks;
        this.executor = new SerialExecutor(ctx.pool());
        this.browser = new BrowserChannel(socket, ctx.config().limits(), ctx.metrics());
        this.relay = new RequestRelay(this);
        this.loginFlow = new LoginFlow(this, requestedIsland);
        this.media = new SessionMedia(this);
        this.speedTests = new SpeedTests(this, ctx.config().limits().speedTestBytesPerMinute());
        browser.onWritable(() -> run(link::demand));
        loginFlow.startDeadline();
    }

    // ---- entry points, any thread ---------------------------------------------------------------------------

    /** A text frame, on the receiving thread. */
    void onText(String text) {
        frames.onText(text);
    }

    /** Reads the browser's first frame. */
    void start() {
        browser.demand();
    }

    void onClosed(int code, String reason) {
        run(() -> end("browser closed: " + code));
    }

    /** Closes the connection for a reason the edge found (a binary frame). */
    void refuse(CloseReason reason) {
        run(() -> {
            closeBrowser(reason);
            end(reason.text());
        });
    }

    /** Ends this session because the same user took its sessid over elsewhere on this gateway. */
    void punt() {
        run(() -> {
            if (state != ClientSessionState.CLOSED) {
                long id = relay.downstreamId(JsonNodeFactory.instance.nullNode());
                send(JsonRpcRequest.of(LongNode.valueOf(id), "verto.punt", JsonNodeFactory.instance.objectNode()));
                closeBrowser(CloseReason.PUNTED);
                end("punted");
            }
        });
    }

    /** Closes the browser with 1013 and a hint of when to log in again (see {@link IslandLossPacer}). */
    void sendAway(String island, long retryAfterMs) {
        comeBackLater(CloseReason.ISLAND_LOST, "island " + island + " lost", Math.max(0, retryAfterMs));
    }

    /** Closes the browser with 1013 because the fleet moved its partition: logging in again at once finds the new island. */
    public void moveAway(String partition, String island) {
        comeBackLater(CloseReason.PARTITION_MOVED, "partition " + partition + " moved to " + island, 0);
    }

    private void comeBackLater(CloseReason reason, String why, long retryAfterMs) {
        run(() -> {
            if (state != ClientSessionState.CLOSED) {
                ctx.metrics().closed(reason);
                browser.close(1013, why + "; retryAfterMs=" + retryAfterMs);
                end(why);
            }
        });
    }

    // ---- dispatch, the session's thread ---------------------------------------------------------------------

    /** One browser request, by the session's state; every refusal is answered. */
    void dispatch(JsonRpcRequest request) {
        try {
            VertoMethod method = VertoMethod.fromWire(request.method()).orElse(null);
            if (method == null || !method.direction().allowsClient()) {
                throw EdgeRefusal.of(
                        Refusal.UNKNOWN_METHOD, ErrorCodes.METHOD_NOT_FOUND, ErrorCodes.MSG_METHOD_NOT_FOUND);
            }
            switch (state) {
                case CONNECTED -> {
                    if (method == VertoMethod.LOGIN) {
                        loginFlow.request(request);
                    } else {
                        authenticationRequired(request);
                    }
                }
                case AUTHENTICATING -> loginFlow.hold(request);
                case LOGGED_IN -> {
                    if (method == VertoMethod.LOGIN) {
                        loginFlow.request(request);
                    } else {
                        relay.forward(request);
                    }
                }
                case CLOSED -> {}
            }
        } catch (EdgeRefusal e) {
            answer(request.id(), e);
        } catch (RuntimeException e) {
            LOG.error("session {}: {} failed", LogSafe.text(sessid), LogSafe.text(request.method()), e);
            answer(request.id(), EdgeRefusal.of(Refusal.INTERNAL, ErrorCodes.INTERNAL_ERROR, "Internal error"));
        }
    }

    // ---- what the parts use ------------------------------------------------------------------------------------

    void answer(JsonNode id, EdgeRefusal refusal) {
        ctx.metrics().refused(refusal.reason());
        if (id != null && !id.isMissingNode()) {
            send(new JsonRpcError(id, refusal.error()));
        }
    }

    void authenticationRequired(JsonRpcRequest request) {
        send(new JsonRpcError(
                request.id(), RpcError.of(ErrorCodes.AUTHENTICATION_REQUIRED, ErrorCodes.MSG_AUTHENTICATION_REQUIRED)));
    }

    void send(JsonRpcMessage message) {
        if (sendRaw(ctx.codec().encode(message))) {
            ctx.metrics().messages.labelValues("to_browser").inc();
        }
    }

    boolean sendRaw(String text) {
        return browser.send(text);
    }

    void closeBrowser(CloseReason reason) {
        browser.close(reason);
    }

    void move(ClientSessionState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("session " + sessid + ": " + state + " -> " + next);
        }
        state = next;
    }

    void identify(String sessid, String login) {
        this.sessid = sessid;
        this.login = login;
    }

    /** The first login succeeded: the edge stops counting this connection as anonymous. */
    void loggedIn() {
        if (anonymous) {
            anonymous = false;
            hooks.loggedIn(this);
        }
    }

    /** Final: releases the link (the island detaches the calls), the sessid, the calls and the address slot. */
    void end(String why) {
        if (state == ClientSessionState.CLOSED) {
            return;
        }
        LOG.debug("session {} {} ended: {}", LogSafe.text(sessid), remoteAddress, LogSafe.text(why));
        state = ClientSessionState.CLOSED;
        loginFlow.clear();
        link.close();
        ctx.registry().unbind(sessid, this);
        media.closeAll();
        hooks.closed(this);
    }

    void run(Runnable task) {
        executor.execute(task);
    }

    // ---- views, any thread ----------------------------------------------------------------------------------

    public String sessid() {
        return sessid;
    }

    public String login() {
        return login;
    }

    public String islandId() {
        return link.islandId();
    }

    /** Calls of this session that have begun and not ended. */
    public int activeCalls() {
        return media.activeCalls();
    }

    public ClientSessionState state() {
        return state;
    }

    public String remoteAddress() {
        return remoteAddress;
    }
}
