package org.vertogw.gateway.edge;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.island.IslandLink;
import org.vertogw.gateway.island.IslandLinkState;
import org.vertogw.gateway.observe.LogSafe;

/**
 * A session's side toward its island: the upstream link it holds (taken warm from the pool when there is one),
 * and, once that link is lost under a logged-in session, which island it was. The session's thread only; the
 * island's id is also read by the admin views, so it is published.
 */
final class SessionLink implements IslandLink.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLink.class);

    private final ClientSession session;
    private IslandLink link;
    private volatile String islandId;
    private String lost;

    SessionLink(ClientSession session) {
        this.session = session;
    }

    // ---- the link's events, on Jetty's threads: each runs on the session's thread --------------------------

    @Override
    public void linkOpened(IslandLink l) {
        session.run(() -> {
            if (is(l)) {
                session.loginFlow.linkOpened();
            }
        });
    }

    @Override
    public void linkFailed(IslandLink l, Throwable cause) {
        session.run(() -> gone(l, "connect failed: " + cause));
    }

    @Override
    public void linkText(IslandLink l, String text) {
        session.executor.executeHere(() -> {
            if (is(l) && session.state() != ClientSessionState.CLOSED) {
                session.relay.islandText(text);
                demand();
            }
        });
    }

    @Override
    public void linkClosed(IslandLink l, int code, String reason) {
        session.run(() -> gone(l, "closed " + code + " " + reason));
    }

    /** The link went away (closed, failed, or a login it carried timed out). */
    void gone(IslandLink l, String why) {
        if (!is(l) || session.state() == ClientSessionState.CLOSED) {
            return;
        }
        String island = l.islandId();
        LOG.info("{}: link to island {} lost ({})", session.remoteAddress(), island, LogSafe.text(why));
        session.loginFlow.cancel();
        session.relay.linkGone();
        if (session.loginFlow.linkGone(island)) {
            close();
            return;
        }
        // the session lived on that island: the browser must log in again to be routed afresh, once the health
        // view has judged the island (IslandLossPacer)
        lose(island);
        session.ctx.pacer().lost(island, session);
    }

    IslandLink current() {
        return link;
    }

    /** Whether {@code l} is the link this session holds (events of older links are ignored). */
    boolean is(IslandLink l) {
        return l != null && l == link;
    }

    /** A link to {@code island}: the one held when it goes there and is not closed, else a new one. */
    void connect(String island, URI uri) {
        if (link != null && link.islandId().equals(island) && link.state() != IslandLinkState.CLOSED) {
            return;
        }
        close();
        link = session.ctx.upstream().take(island, uri, this);
        islandId = island;
        lost = null;
    }

    boolean isOpen() {
        return link != null && link.isOpen();
    }

    void send(String text) {
        if (link != null) {
            link.send(text);
        }
    }

    /** Reads the island's next frame, unless the browser is behind: then when it catches up. */
    void demand() {
        if (link != null && session.browser.writable()) {
            link.demand();
        }
    }

    /** The link went away under the session: remembered, so that later requests name the island. */
    void lose(String island) {
        close();
        lost = island;
    }

    /** The island of the link held, or of the one lost. */
    String island() {
        return link != null ? link.islandId() : lost;
    }

    /** Published for the admin views: the island of the link held, null without one. */
    String islandId() {
        return islandId;
    }

    void close() {
        if (link != null) {
            link.close();
            link = null;
            islandId = null;
        }
    }
}
