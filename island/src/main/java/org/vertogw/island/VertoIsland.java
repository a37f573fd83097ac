package org.vertogw.island;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.protocol.codec.VertoCodec;
import org.vertogw.protocol.codec.VertoDecodeException;
import org.vertogw.protocol.jsonrpc.ErrorCodes;
import org.vertogw.protocol.jsonrpc.JsonRpcError;
import org.vertogw.protocol.jsonrpc.JsonRpcMessage;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.RpcError;
import org.vertogw.protocol.message.VertoMethod;

/**
 * An embedded Verto island: a WebSocket server that behaves like FreeSWITCH's mod_verto for everything in the
 * checklists of docs/protocol.md. Any request path is accepted and no subprotocol is needed (§1.1).
 *
 * <p>Threading: Jetty threads parse nothing; every event goes to one island thread that owns all state (sessions,
 * calls, channels), so calls that span two connections need no locks.
 */
public final class VertoIsland implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VertoIsland.class);
    private static final int ACCEPT_QUEUE = 1024;

    private final IslandConfig config;
    private final ScheduledExecutorService loop;
    private final VertoCodec codec = new VertoCodec();
    private final ServerIds ids = new ServerIds();
    private final Sessions sessions = new Sessions();
    private final Calls calls;
    private final Channels channels;
    private final Logins logins;
    private final Map<IslandConnection, SpeedTest> speedTests = new HashMap<>();
    private final Server server;
    private final ServerConnector connector;

    private VertoIsland(IslandConfig config) {
        this.config = config;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "island-" + config.id());
            t.setDaemon(true);
            return t;
        });
        this.channels = new Channels(sessions);
        this.calls = new Calls(config, sessions, loop, channels);
        this.logins = new Logins(config.directory(), config.trunkSecret(), sessions, calls, this::closed);
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("island-" + config.id() + "-io");
        this.server = new Server(pool);
        this.connector = new ServerConnector(server);
        connector.setHost(config.bindHost());
        connector.setPort(config.port());
        // as the gateway's (listen.acceptQueue): the JDK's 50 overflows at a burst of logins and drops SYNs, and
        // the island is the baseline the gateway is measured against
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxTextMessageSize(config.maxMessageBytes());
            container.setMaxBinaryMessageSize(64 * 1024);
            container.setIdleTimeout(Duration.ofHours(1));
            // as mod_verto: no WebSocket extension (permessage-deflate) is accepted
            container.addMapping("/*", (req, resp, cb) -> {
                resp.setExtensions(List.of());
                return new IslandSocket(this);
            });
        });
        context.setHandler(ws);
        server.setHandler(context);
    }

    /** Starts an island and returns once it accepts connections. */
    public static VertoIsland start(IslandConfig config) throws Exception {
        VertoIsland island = new VertoIsland(config);
        island.server.start();
        long tick = Math.max(50, config.pingIdle().toMillis() / 4);
        island.loop.scheduleWithFixedDelay(island::pingIdleConnections, tick, tick, TimeUnit.MILLISECONDS);
        LOG.info("island {} listening on {}", config.id(), island.uri());
        return island;
    }

    public String id() {
        return config.id();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The island's Verto endpoint, e.g. {@code ws://127.0.0.1:8082/}. */
    public URI uri() {
        return URI.create("ws://" + config.bindHost() + ":" + port() + "/");
    }

    void execute(Runnable task) {
        try {
            loop.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("island {}: unexpected failure", config.id(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("island {} stopped; event dropped", config.id());
        }
    }

    IslandConnection opened(Session socket) {
        IslandConnection c = new IslandConnection(socket, codec, ids, System.nanoTime());
        sessions.opened(c);
        return c;
    }

    void closed(IslandConnection c) {
        if (c == null || !sessions.open().contains(c)) {
            return;
        }
        calls.connectionLost(c);
        channels.closed(c);
        speedTests.remove(c);
        sessions.closed(c);
    }

    void received(IslandConnection conn, String text) {
        if (conn == null || !sessions.open().contains(conn)) {
            return;
        }
        long now = System.nanoTime();
        conn.lastInboundNanos = now;
        conn.lastPingNanos = now;
        if (text.startsWith("#")) {
            if (!conn.authenticated()) {
                conn.close(1008, "speed test before authentication");
                return;
            }
            if (!speedTests.computeIfAbsent(conn, c -> new SpeedTest()).frame(conn, text, now)) {
                conn.error(null, RpcError.of(ErrorCodes.INVALID_REQUEST, "Invalid Request"));
            }
            return;
        }
        JsonRpcMessage message;
        try {
            message = codec.decode(text);
        } catch (VertoDecodeException e) {
            conn.send(e.toResponse());
            return;
        }
        if (message instanceof JsonRpcError e) {
            // docs/protocol.md §1.4: an error-only message is a request without a method.
            conn.error(e.id(), RpcError.of(ErrorCodes.METHOD_NOT_FOUND, ErrorCodes.MSG_METHOD_NOT_FOUND));
            return;
        }
        if (!(message instanceof JsonRpcRequest request)) {
            return; // results answer our requests; mod_verto ignores them (docs/protocol.md §1.4)
        }
        dispatch(conn, request);
    }

    private void dispatch(IslandConnection conn, JsonRpcRequest request) {
        VertoMethod method = VertoMethod.fromWire(request.method()).orElse(null);
        if (method == null || !method.direction().allowsClient()) {
            conn.error(request.id(), RpcError.of(ErrorCodes.METHOD_NOT_FOUND, ErrorCodes.MSG_METHOD_NOT_FOUND));
            return;
        }
        if (method == VertoMethod.LOGIN) {
            logins.login(conn, request);
            return;
        }
        if (!conn.authenticated()) {
            conn.error(
                    request.id(),
                    RpcError.of(ErrorCodes.AUTHENTICATION_REQUIRED, ErrorCodes.MSG_AUTHENTICATION_REQUIRED));
            return;
        }
        switch (method) {
            case INVITE -> calls.invite(conn, request);
            case ANSWER -> calls.answer(conn, request);
            case BYE -> calls.bye(conn, request);
            case MODIFY -> calls.modify(conn, request);
            case INFO -> calls.info(conn, request, channels);
            case ATTACH -> calls.attach(conn, request);
            case SUBSCRIBE -> channels.subscribe(conn, request);
            case UNSUBSCRIBE -> channels.unsubscribe(conn, request);
            case BROADCAST -> channels.broadcast(conn, request);
            case PING -> {
                ObjectNode pong = IslandConnection.object();
                pong.put("message", "PONG");
                conn.result(request.id(), pong);
            }
            case ECHO -> conn.result(request.id(), request.params().deepCopy());
            default ->
                conn.error(request.id(), RpcError.of(ErrorCodes.METHOD_NOT_FOUND, ErrorCodes.MSG_METHOD_NOT_FOUND));
        }
    }

    /** docs/protocol.md §1.6: after {@code pingIdle} without an inbound frame, a {@code verto.ping}, then the counter restarts. */
    private void pingIdleConnections() {
        long now = System.nanoTime();
        long idle = config.pingIdle().toNanos();
        for (IslandConnection c : new ArrayList<>(sessions.open())) {
            if (c.authenticated() && now - c.lastInboundNanos >= idle && now - c.lastPingNanos >= idle) {
                c.lastPingNanos = now;
                ObjectNode params = IslandConnection.object();
                params.put("serno", System.currentTimeMillis() / 1000);
                c.request("verto.ping", params);
            }
        }
    }

    /** A snapshot of the island's calls, for operators and tests. */
    public List<CallView> calls() {
        return query(() -> calls.legs().stream().map(CallView::of).toList());
    }

    /** Conference rooms open, their members, joins since start and joins refused because a room was full. */
    public Conferences.ConferenceStats conferences() {
        return query(() -> calls.conferences.stats());
    }

    /** Connections open now, and how many of them are logged in. */
    public ConnectionCounts connections() {
        return query(() -> new ConnectionCounts(sessions.open().size(), sessions.boundCount()));
    }

    /** Open and logged-in connections. */
    public record ConnectionCounts(int open, int loggedIn) {}

    private <T> T query(Callable<T> q) {
        try {
            return loop.submit(q).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("island " + config.id() + " did not answer", e);
        }
    }

    @Override
    public void close() {
        try {
            query(() -> {
                calls.closeTrunks();
                return null;
            });
        } catch (IllegalStateException e) {
            LOG.debug("island {}: closing trunks: {}", config.id(), e.toString());
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("island {}: stopping the server failed", config.id(), e);
        }
        loop.shutdownNow();
        config.media().close();
    }
}
