package org.vertogw.gateway.edge;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's view of one browser WebSocket. Admission happens when the socket opens (a refused one is closed at once
 * with its close code, so the browser learns why, docs/protocol.md §10.6); the per-address slot it takes then is
 * given back exactly once, whichever way the socket ends. Frames are read one at a time, on demand. Public only
 * because Jetty calls it reflectively.
 */
public final class EdgeSocket implements Session.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeSocket.class);

    private final VertoEdge edge;
    private final String requestedIsland;
    private final String address;
    private final CloseReason refusal;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile ClientSession session;
    private volatile boolean admitted;

    EdgeSocket(VertoEdge edge, String requestedIsland, String address, CloseReason refusal) {
        this.edge = edge;
        this.requestedIsland = requestedIsland;
        this.address = address;
        this.refusal = refusal;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        CloseReason refused = refusal != null ? refusal : edge.admit(address);
        if (refused != null) {
            edge.refused(refused);
            s.close(refused.code(), refused.text(), Callback.NOOP);
            return;
        }
        admitted = true;
        ClientSession created = edge.open(s, requestedIsland, address);
        session = created;
        created.start();
    }

    @Override
    public void onWebSocketText(String message) {
        ClientSession s = session;
        if (s != null) {
            s.onText(message);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        ClientSession s = session;
        if (s != null) {
            s.refuse(CloseReason.BINARY);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        ended();
        ClientSession s = session;
        if (s != null) {
            s.onClosed(statusCode, reason);
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("browser socket from {}: {}", address, cause.toString());
        edge.socketError();
        ended();
        ClientSession s = session;
        if (s != null) {
            s.onClosed(1006, "error");
        }
    }

    /** Gives the address slot back, once. */
    private void ended() {
        if (admitted && ended.compareAndSet(false, true)) {
            edge.release(address);
        }
    }
}
