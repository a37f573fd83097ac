package org.vertogw.island;

import org.eclipse.jetty.websocket.api.Session;

/** Jetty's view of one island connection: hands every event to the island's thread. Public only because Jetty calls it reflectively. */
public final class IslandSocket implements Session.Listener.AutoDemanding {

    private final VertoIsland island;
    private IslandConnection connection;

    IslandSocket(VertoIsland island) {
        this.island = island;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        island.execute(() -> connection = island.opened(session));
    }

    @Override
    public void onWebSocketText(String message) {
        island.execute(() -> island.received(connection, message));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        island.execute(() -> island.closed(connection));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        island.execute(() -> island.closed(connection));
    }
}
