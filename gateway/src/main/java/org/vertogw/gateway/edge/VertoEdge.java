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

/**
 * The browser-facing WebSocket edge: admits or refuses each upgrade (origin allow-list, connections per address,
 * the session limit, draining) and makes a {@link ClientSession} for each admitted connection.
 */
public final class VertoEdge {

    private static final Logger LOG = LoggerFactory.getLogger(VertoEdge.class);

    private final GatewayContext ctx;
    private final OriginPolicy origins;
    private final AddressLimiter addresses;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    public VertoEdge(GatewayContext ctx) {
        this.ctx = ctx;
        List<String> allowed = ctx.config().allowedOrigins();
        this.origins =
                allowed.isEmpty() && ctx.config().demo() ? OriginPolicy.anyOrigin() : OriginPolicy.allowList(allowed);
        this.addresses = new AddressLimiter(ctx.config().limits().connectionsPerAddress());
    }

    /** Jetty's WebSocket creator: decides at the upgrade. */
    public EdgeSocket create(ServerUpgradeRequest request) {
        String address = address(request.getConnectionMetaData().getRemoteSocketAddress());
        String origin = request.getHeaders().get("Origin");
        Fields query = Request.extractQueryParameters(request);
        String island = query.getValue("island");
        if (island != null && island.isBlank()) {
            island = null;
        }
        if (!origins.allows(origin)) {
            LOG.info("refused {} from origin {}", address, origin);
            ctx.metrics().closed.labelValues("origin").inc();
            return new EdgeSocket(this, null, address, 1008, "origin not allowed");
        }
        if (draining) {
            ctx.metrics().closed.labelValues("draining").inc();
            return new EdgeSocket(this, null, address, 1013, "gateway draining");
        }
        if (open.get() >= ctx.config().limits().maxSessions()) {
            ctx.metrics().closed.labelValues("overloaded").inc();
            return new EdgeSocket(this, null, address, 1013, "gateway overloaded");
        }
        if (!addresses.tryAcquire(address)) {
            ctx.metrics().closed.labelValues("address_limit").inc();
            return new EdgeSocket(this, null, address, 1008, "too many connections from this address");
        }
        return new EdgeSocket(this, island, address, 0, null);
    }

    ClientSession open(Session socket, String requestedIsland, String address) {
        open.incrementAndGet();
        ctx.metrics().sessions.inc();
        ClientSession[] holder = new ClientSession[1];
        ClientSession s = new ClientSession(ctx, socket, requestedIsland, address, () -> {
            sessions.remove(holder[0]);
            addresses.release(address);
            open.decrementAndGet();
            ctx.metrics().sessions.dec();
        });
        holder[0] = s;
        sessions.add(s);
        return s;
    }

    void refuseBinary(ClientSession s) {
        ctx.metrics().refused.labelValues("binary").inc();
        s.refuse(1003, "binary frames are not Verto");
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
