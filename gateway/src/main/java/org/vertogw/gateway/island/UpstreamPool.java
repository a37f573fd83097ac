package org.vertogw.gateway.island;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.vertogw.partition.Island;
import org.vertogw.partition.PartitionMap;

/**
 * A few open, unauthenticated WebSockets to each island that is up, so a login does not wait for a TCP and TLS
 * handshake to the island. mod_verto binds a connection to a sessid only on its first successful login (docs/protocol.md §2.1),
 * so a warm connection is anybody's until its first login. A taken link is replaced by {@link #replenish} once the
 * login has gone up; lost ones on the next {@link #refill}.
 */
public final class UpstreamPool implements AutoCloseable {

    private final UpstreamConnector connector;
    private final int perIsland;
    private final Supplier<Set<String>> down;
    private final Map<String, Deque<IslandLink>> warm = new HashMap<>();
    private final Map<String, URI> uris = new HashMap<>();
    private boolean closed;

    public UpstreamPool(UpstreamConnector connector, int perIsland, Supplier<Set<String>> down) {
        this.connector = connector;
        this.perIsland = perIsland;
        this.down = down;
    }

    /** A link to {@code island} for {@code handler}: a warm one when ready, else a new one. */
    public synchronized IslandLink take(String island, URI uri, IslandLink.Handler handler) {
        Deque<IslandLink> q = warm.get(island);
        if (q != null && uri.equals(uris.get(island))) {
            while (!q.isEmpty()) {
                IslandLink link = q.poll();
                if (link.isOpen()) {
                    link.adopt(handler);
                    return link;
                }
                link.close();
            }
        }
        return IslandLink.open(connector, island, uri, handler);
    }

    /**
     * Opens a link that replaces a taken one. A login calls it once the island has answered, from the scheduler's
     * thread, so that starting a WebSocket connect, a good part of the gateway's work on a login (bench/signaling),
     * runs neither before the request goes up nor in the way of the answer coming back.
     */
    public synchronized void replenish(String island, URI uri) {
        Deque<IslandLink> q = warm.get(island);
        if (closed
                || perIsland <= 0
                || q == null
                || !uri.equals(uris.get(island))
                || down.get().contains(island)) {
            return;
        }
        if (q.size() < perIsland) {
            q.add(IslandLink.open(connector, island, uri, IDLE)); // one per login, as a login takes one
        }
    }

    /** Follows the map: islands that left it lose their warm links; a changed URL drops the old ones. */
    public synchronized void reconcile(PartitionMap map) {
        Map<String, URI> next = new HashMap<>();
        for (Island i : map.islands()) {
            if (i.verto() != null) {
                next.put(i.id(), URI.create(i.verto()));
            }
        }
        for (String id : Set.copyOf(warm.keySet())) {
            if (!next.containsKey(id) || !next.get(id).equals(uris.get(id))) {
                warm.remove(id).forEach(IslandLink::close);
            }
        }
        uris.clear();
        uris.putAll(next);
    }

    /** Tops every up island's pool up to its size, dropping links that closed while idle. */
    public synchronized void refill() {
        if (closed || perIsland <= 0) {
            return;
        }
        Set<String> isDown = down.get();
        for (Map.Entry<String, URI> e : uris.entrySet()) {
            Deque<IslandLink> q = warm.computeIfAbsent(e.getKey(), k -> new ArrayDeque<>());
            q.removeIf(l -> l.state() == IslandLinkState.CLOSED);
            if (isDown.contains(e.getKey())) {
                q.forEach(IslandLink::close);
                q.clear();
                continue;
            }
            while (q.size() < perIsland) {
                q.add(IslandLink.open(connector, e.getKey(), e.getValue(), IDLE));
            }
        }
    }

    public synchronized int warm(String island) {
        Deque<IslandLink> q = warm.get(island);
        return q == null ? 0 : (int) q.stream().filter(IslandLink::isOpen).count();
    }

    @Override
    public synchronized void close() {
        closed = true;
        warm.values().forEach(q -> q.forEach(IslandLink::close));
        warm.clear();
    }

    /** A warm link hears nothing it must act on: an idle mod_verto connection is sent nothing. */
    private static final IslandLink.Handler IDLE = new IslandLink.Handler() {
        @Override
        public void linkOpened(IslandLink link) {}

        @Override
        public void linkFailed(IslandLink link, Throwable cause) {}

        @Override
        public void linkText(IslandLink link, String text) {
            link.demand(); // a warm link has no session yet: nothing to hold back
        }

        @Override
        public void linkClosed(IslandLink link, int code, String reason) {}
    };
}
