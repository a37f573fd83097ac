package org.vertogw.gateway.edge;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.config.Limits;
import org.vertogw.gateway.observe.LogSafe;

/**
 * The browser-facing WebSocket edge: the origin allow-list at the upgrade, then, when the socket opens, draining,
 * the session limit, the connections of one address, and the connections that have not logged in yet (per address
 * and in all). Each admitted connection gets a {@link ClientSession}; its slots are given back when it ends.
 */
public final class VertoEdge {

    private static final Logger LOG = LoggerFactory.getLogger(VertoEdge.class);

    private final GatewayContext ctx;
    private final Limits limits;
    private final OriginPolicy origins;
    private final AddressLimiter addresses;
    private final AddressLimiter anonymousByAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger anonymous = new AtomicInteger();
    private final AtomicInteger socketErrors = new AtomicInteger();
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<ClientSession> notLoggedIn = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    public VertoEdge(GatewayContext ctx) {
        this.ctx = ctx;
        this.limits = ctx.config().limits();
        List<String> allowed = ctx.config().allowedOrigins();
        this.origins =
                allowed.isEmpty() && ctx.config().demo() ? OriginPolicy.anyOrigin() : OriginPolicy.allowList(allowed);
        this.addresses = new AddressLimiter(limits.connectionsPerAddress());
        this.anonymousByAddress = new AddressLimiter(limits.unauthenticatedPerAddress());
    }

    /** Jetty's WebSocket creator, at the upgrade: the origin is checked here, the rest when the socket opens. */
    public EdgeSocket create(ServerUpgradeRequest request) {
        String address = address(request.getConnectionMetaData().getRemoteSocketAddress());
        String origin = request.getHeaders().get("Origin");
        Fields query = Request.extractQueryParameters(request);
        String island = query.getValue("island");
        if (island != null && island.isBlank()) {
            island = null;
        }
        if (!origins.allows(origin)) {
            LOG.info("refused {} from origin {}", address, LogSafe.text(origin));
            return new EdgeSocket(this, null, address, CloseReason.ORIGIN);
        }
        return new EdgeSocket(this, island, address, null);
    }

    /** When the socket opens: null to admit (the address slot and an anonymous slot are then taken). */
    CloseReason admit(String address) {
        if (draining) {
            return CloseReason.DRAINING;
        }
        if (open.get() >= limits.maxSessions()) {
            return CloseReason.OVERLOADED;
        }
        if (anonymous.get() >= limits.maxUnauthenticated()) {
            return CloseReason.UNAUTHENTICATED_LIMIT;
        }
        if (!addresses.tryAcquire(address)) {
            return CloseReason.ADDRESS_LIMIT;
        }
        if (!anonymousByAddress.tryAcquire(address)) {
            addresses.release(address);
            return CloseReason.UNAUTHENTICATED_LIMIT;
        }
        anonymous.incrementAndGet();
        return null;
    }

    void refused(CloseReason reason) {
        ctx.metrics().closed(reason);
    }

    ClientSession open(Session socket, String requestedIsland, String address) {
        open.incrementAndGet();
        ctx.metrics().sessions.inc();
        ClientSession s = new ClientSession(ctx, socket, requestedIsland, address, new SessionHooks() {
            @Override
            public void loggedIn(ClientSession session) {
                anonymousGone(session);
            }

            @Override
            public void closed(ClientSession session) {
                anonymousGone(session);
                sessions.remove(session);
                open.decrementAndGet();
                ctx.metrics().sessions.dec();
            }
        });
        sessions.add(s);
        notLoggedIn.add(s);
        return s;
    }

    private void anonymousGone(ClientSession session) {
        if (notLoggedIn.remove(session)) {
            anonymous.decrementAndGet();
            anonymousByAddress.release(session.remoteAddress());
        }
    }

    /** The socket of an admitted connection ended: its address slot is free again. */
    void release(String address) {
        addresses.release(address);
    }

    void socketError() {
        socketErrors.incrementAndGet();
    }

    /** Stops admitting sessions (health turns 503) so a load balancer or keepalived moves traffic away. */
    public void drain(boolean on) {
        draining = on;
    }

    public boolean draining() {
        return draining;
    }

    public int openSessions() {
        return open.get();
    }

    /** Connections open now that have not logged in yet. */
    public int anonymousSessions() {
        return anonymous.get();
    }

    /** Connections open from {@code address}. */
    public int connectionsFrom(String address) {
        return addresses.open(address);
    }

    public int socketErrors() {
        return socketErrors.get();
    }

    public Collection<ClientSession> sessions() {
        return sessions;
    }

    static String address(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            return i.getAddress() == null ? i.getHostString() : i.getAddress().getHostAddress();
        }
        return String.valueOf(a);
    }
}
