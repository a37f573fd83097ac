package org.vertogw.gateway.edge;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Jetty's view of one browser WebSocket. A connection refused at the upgrade (origin, address limit, overload,
 * draining) is accepted and then closed at once with its close code, so the browser learns why
 * (docs/protocol.md §10.6). Public only because Jetty calls it reflectively.
 */
public final class EdgeSocket implements Session.Listener.AutoDemanding {

    private final VertoEdge edge;
    private final String requestedIsland;
    private final String address;
    private final int refuseCode;
    private final String refuseReason;
    private ClientSession session;

    EdgeSocket(VertoEdge edge, String requestedIsland, String address, int refuseCode, String refuseReason) {
        this.edge = edge;
        this.requestedIsland = requestedIsland;
        this.address = address;
        this.refuseCode = refuseCode;
        this.refuseReason = refuseReason;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        if (refuseCode != 0) {
            s.close(refuseCode, refuseReason, Callback.NOOP);
            return;
        }
        session = edge.open(s, requestedIsland, address);
    }

    @Override
    public void onWebSocketText(String message) {
        if (session != null) {
            session.onText(message);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        if (session != null) {
            edge.refuseBinary(session);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        if (session != null) {
            session.onClosed(statusCode, reason);
            session = null;
        }
    }
}
