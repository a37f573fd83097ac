package org.vertogw.gateway.island;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.function.BiConsumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.vertogw.gateway.config.HealthSettings;

/**
 * Probes one island over a persistent WebSocket: each tick sends a credential-less {@code login}, which a live
 * mod_verto answers with -32000 (docs/protocol.md §3.4) without binding any session. A probe unanswered by the
 * next tick, a failed connect and a lost connection each count as a miss; {@code downAfter} misses in a row mark
 * the island down, {@code upAfter} successes mark it up (one success settles an unknown island). Errors Jetty reports
 * (a refused connect, a lost connection) are the probe's own: kept as the last failure, which the one line logged
 * when the island goes down names, and never logged per attempt (docs/operations.md, Island health).
 *
 * <p>A probe connection that drops under an island judged up is confirmed at once instead of at the next ticks: it
 * reconnects straight away and, while connects fail, again every quarter {@code intervalMs}, each failure a miss as
 * before. A crashed island (its port refuses) is so judged down within about half an interval instead of up to two,
 * by the same count of misses; an island that merely closed the connection is connected again and answers. Public
 * only because Jetty calls it reflectively; ticks and events are serialized by {@link IslandHealth}.
 */
public final class IslandProbe implements Session.Listener.AutoDemanding {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String islandId;
    private final URI uri;
    private final UpstreamConnector connector;
    private final HealthSettings settings;
    private final BiConsumer<IslandProbe, IslandState> onChange;
    private Session session;
    private boolean connecting;
    private long outstanding = -1;
    private long nextId = 1;
    private int misses;
    private int successes;
    /** Volatile and read without the lock: listeners of a change (the loss pacer) read it under locks of their own. */
    private volatile IslandState state = IslandState.UNKNOWN;

    private boolean closed;
    /** The connection dropped under an up island: connects follow each other at the confirming pace until a verdict. */
    private boolean confirming;

    private long failures;
    private String lastFailure = "none";

    IslandProbe(
            String islandId,
            URI uri,
            UpstreamConnector connector,
            HealthSettings settings,
            BiConsumer<IslandProbe, IslandState> onChange) {
        this.islandId = islandId;
        this.uri = uri;
        this.connector = connector;
        this.settings = settings;
        this.onChange = onChange;
    }

    public String islandId() {
        return islandId;
    }

    URI uri() {
        return uri;
    }

    public IslandState state() {
        return state;
    }

    synchronized void tick() {
        if (closed) {
            return;
        }
        if (outstanding >= 0) {
            outstanding = -1;
            lastFailure = "probe unanswered";
            miss();
        }
        if (session == null || !session.isOpen()) {
            session = null;
            connect();
            return;
        }
        send();
    }

    private void connect() {
        if (!connecting) {
            connecting = true;
            connector.connect(uri, this).whenComplete((s, failure) -> {
                if (failure != null) {
                    connectFailed(failure);
                }
            });
        }
    }

    private synchronized void connectFailed(Throwable cause) {
        connecting = false;
        failed(cause);
        if (!closed) {
            miss();
            if (confirming) {
                connector.schedule(this::confirm, confirmPace());
            }
        }
    }

    /** The next connect of a confirmation, unless a verdict, an open connection or a tick came first. */
    private synchronized void confirm() {
        if (confirming && !closed && session == null) {
            connect();
        }
    }

    private java.time.Duration confirmPace() {
        return settings.interval().dividedBy(4);
    }

    private void send() {
        outstanding = nextId++;
        session.sendText(
                "{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"params\":{},\"id\":" + outstanding + "}", Callback.NOOP);
    }

    @Override
    public synchronized void onWebSocketOpen(Session s) {
        connecting = false;
        confirming = false;
        if (closed) {
            s.close(1000, "probe stopped", Callback.NOOP);
            return;
        }
        session = s;
        send();
    }

    @Override
    public synchronized void onWebSocketText(String message) {
        JsonNode m;
        try {
            m = JSON.readTree(message);
        } catch (Exception e) {
            return;
        }
        if (outstanding >= 0
                && m.path("id").asLong(-2) == outstanding
                && m.path("error").path("code").asInt() == -32000) {
            outstanding = -1;
            success();
        }
    }

    @Override
    public synchronized void onWebSocketClose(int statusCode, String reason) {
        session = null;
        if (!closed) {
            outstanding = -1;
            lastFailure = "connection closed (" + statusCode + ")";
            boolean wasUp = state == IslandState.UP;
            miss();
            if (wasUp && state == IslandState.UP) {
                confirming = true;
                connect();
            }
        }
    }

    /**
     * Without this handler Jetty logs every error as a WARN "Unhandled Error". The miss itself is counted by
     * {@link #onWebSocketClose} or the failed connect that follows.
     */
    @Override
    public synchronized void onWebSocketError(Throwable cause) {
        failed(cause);
    }

    private void failed(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        failures++;
        lastFailure = root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Connects refused and errors seen so far, for tests and the health log. */
    synchronized long failures() {
        return failures;
    }

    /** The last failure seen, as one short line ("none" before any). */
    synchronized String lastFailure() {
        return lastFailure;
    }

    private void miss() {
        successes = 0;
        misses++;
        if (misses >= settings.downAfter() && state != IslandState.DOWN) {
            change(IslandState.DOWN);
        }
    }

    private void success() {
        misses = 0;
        successes++;
        if (state == IslandState.UNKNOWN || (state == IslandState.DOWN && successes >= settings.upAfter())) {
            change(IslandState.UP);
        }
    }

    private void change(IslandState next) {
        state = next;
        confirming = false;
        onChange.accept(this, next);
    }

    synchronized void close() {
        closed = true;
        if (session != null) {
            session.close(1000, "probe stopped", Callback.NOOP);
        }
    }
}
