package org.vertogw.gateway.island;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser session's WebSocket to its serving island, carrying the browser's own {@code sessid}, so
 * FreeSWITCH's login, punt, re-attach and per-session events keep working (docs/protocol.md §6.4). Closing it
 * detaches the session's calls on the island (docs/protocol.md §2.3). Events go to the {@link Handler}; public only
 * because Jetty calls it reflectively.
 *
 * <p>Frames are read one at a time: after each, the handler calls {@link #demand()} when it wants the next. A
 * session does so only while its browser reads what it is sent, so an island that sends faster than the browser
 * reads (a speed test's download) waits in TCP instead of in the gateway's memory.
 *
 * <p>A link being closed always gives its socket back: it reads again (what arrives is dropped) so the island's
 * close frame and FIN are seen, and if the close handshake (RFC 6455 §7.1.1) has not finished within
 * {@link #CLOSE_HANDSHAKE} the connection is dropped and counted (docs/operations.md). Upstream links have no idle
 * timeout, so without this a link closed while the browser was behind stayed in CLOSE_WAIT for good.
 */
public final class IslandLink implements Session.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(IslandLink.class);

    /** How long a closed link waits for the island's close frame before dropping the connection. */
    static final Duration CLOSE_HANDSHAKE = Duration.ofSeconds(5);

    /** What the link reports; called on Jetty's threads. After {@code linkText} the link reads on at {@link #demand()}. */
    public interface Handler {
        void linkOpened(IslandLink link);

        void linkFailed(IslandLink link, Throwable cause);

        void linkText(IslandLink link, String text);

        void linkClosed(IslandLink link, int code, String reason);
    }

    private final String islandId;
    private final UpstreamConnector connector;
    private volatile Handler handler;
    private volatile Session session;
    private volatile IslandLinkState state = IslandLinkState.CONNECTING;
    private volatile boolean released;
    /** Whether a frame has been asked for and not yet delivered: Jetty refuses a second demand meanwhile. */
    private final AtomicBoolean demanding = new AtomicBoolean();

    private IslandLink(String islandId, UpstreamConnector connector, Handler handler) {
        this.islandId = islandId;
        this.connector = connector;
        this.handler = handler;
    }

    public static IslandLink open(UpstreamConnector connector, String islandId, URI uri, Handler handler) {
        IslandLink link = new IslandLink(islandId, connector, handler);
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

    /** Asks for the next frame from the island. */
    public void demand() {
        Session s = session;
        if (s != null && s.isOpen()) {
            read(s);
        }
    }

    private void read(Session s) {
        if (demanding.compareAndSet(false, true)) {
            try {
                s.demand();
            } catch (RuntimeException e) {
                LOG.debug("link to island {}: demand refused: {}", islandId, e.toString());
            }
        }
    }

    /** Closes normally; idempotent. */
    public void close() {
        IslandLinkState was = state;
        state = IslandLinkState.CLOSED;
        Session s = session;
        if (s != null && was != IslandLinkState.CLOSED) {
            release(s);
        }
    }

    /** Sends the close frame, reads on until the island answers, and drops the connection if it does not in time. */
    private void release(Session s) {
        s.close(1000, "session ended", Callback.NOOP);
        read(s);
        connector.schedule(
                () -> {
                    if (!released) {
                        connector.forcedClose();
                        LOG.debug(
                                "link to island {}: no close handshake within {}; dropped", islandId, CLOSE_HANDSHAKE);
                        s.disconnect();
                    }
                },
                CLOSE_HANDSHAKE);
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        if (state == IslandLinkState.CLOSED) {
            release(s);
            return;
        }
        state = IslandLinkState.OPEN;
        read(s);
        handler.linkOpened(this);
    }

    @Override
    public void onWebSocketText(String message) {
        demanding.set(false);
        if (state == IslandLinkState.CLOSED) {
            // closing: what the island still sends is dropped, and the link reads on to its close frame
            Session s = session;
            if (s != null) {
                read(s);
            }
            return;
        }
        handler.linkText(this, message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        released = true;
        state = IslandLinkState.CLOSED;
        handler.linkClosed(this, statusCode, reason);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        released = true;
        LOG.debug("link to island {}: {}", islandId, cause.toString());
    }
}
