package org.vertogw.gateway.island;

import java.net.URI;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser session's WebSocket to its serving island, carrying the browser's own {@code sessid}, so
 * FreeSWITCH's login, punt, re-attach and per-session events keep working (docs/protocol.md §6.4). Closing it
 * detaches the session's calls on the island (docs/protocol.md §2.3). Events go to the {@link Handler}; public only because Jetty
 * calls it reflectively.
 */
public final class IslandLink implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(IslandLink.class);

    /** What the link reports; called on Jetty's threads. */
    public interface Handler {
        void linkOpened(IslandLink link);

        void linkFailed(IslandLink link, Throwable cause);

        void linkText(IslandLink link, String text);

        void linkClosed(IslandLink link, int code, String reason);
    }

    private final String islandId;
    private volatile Handler handler;
    private volatile Session session;
    private volatile IslandLinkState state = IslandLinkState.CONNECTING;

    private IslandLink(String islandId, Handler handler) {
        this.islandId = islandId;
        this.handler = handler;
    }

    public static IslandLink open(UpstreamConnector connector, String islandId, URI uri, Handler handler) {
        IslandLink link = new IslandLink(islandId, handler);
        connector.connect(uri, link).whenComplete((s, failure) -> {
            if (failure != null) {
                link.state = IslandLinkState.CLOSED;
                link.handler.linkFailed(link, failure);
            }
        });
        return link;
    }

    /**
     * Hands a warm link (see {@link UpstreamPool}) to its session. If it is already open the new handler hears
     * {@code linkOpened} at once; if it closed meanwhile, {@code linkClosed}.
     */
    void adopt(Handler next) {
        handler = next;
        if (state == IslandLinkState.OPEN) {
            next.linkOpened(this);
        } else if (state == IslandLinkState.CLOSED) {
            next.linkClosed(this, 1006, "warm link lost");
        }
    }

    public String islandId() {
        return islandId;
    }

    public IslandLinkState state() {
        return state;
    }

    public boolean isOpen() {
        return state == IslandLinkState.OPEN;
    }

    public void send(String text) {
        Session s = session;
        if (s != null && state == IslandLinkState.OPEN) {
            s.sendText(
                    text,
                    Callback.from(() -> {}, t -> LOG.debug("send to island {} failed: {}", islandId, t.toString())));
        }
    }

    /** Closes normally; idempotent. */
    public void close() {
        IslandLinkState was = state;
        state = IslandLinkState.CLOSED;
        Session s = session;
        if (s != null && was != IslandLinkState.CLOSED) {
            s.close(1000, "session ended", Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        if (state == IslandLinkState.CLOSED) {
            s.close(1000, "session ended", Callback.NOOP);
            return;
        }
        state = IslandLinkState.OPEN;
        handler.linkOpened(this);
    }

    @Override
    public void onWebSocketText(String message) {
        handler.linkText(this, message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        state = IslandLinkState.CLOSED;
        handler.linkClosed(this, statusCode, reason);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("link to island {}: {}", islandId, cause.toString());
    }
}
