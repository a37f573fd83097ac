package org.vertogw.island;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.protocol.codec.VertoCodec;
import org.vertogw.protocol.codec.VertoDecodeException;
import org.vertogw.protocol.jsonrpc.JsonRpcError;
import org.vertogw.protocol.jsonrpc.JsonRpcMessage;
import org.vertogw.protocol.jsonrpc.JsonRpcRequest;
import org.vertogw.protocol.jsonrpc.JsonRpcResult;

/**
 * One trunk from this island to another of the same operator: a Verto connection on which this island logs in as
 * {@code trunk@<its id>} with the shared secret and places call legs as a browser would (docs/operations.md, "Calls
 * across islands"). What the far island sends back (answer, bye, DTMF) goes to {@link Trunks} on the island's
 * thread. Public only because Jetty calls it reflectively.
 */
public final class TrunkLink implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkLink.class);

    private final String peer;
    private final Trunks trunks;
    private final VertoCodec codec;
    private final ServerIds ids;
    private final List<Runnable> onReady = new ArrayList<>();
    private final List<Runnable> onFailure = new ArrayList<>();
    private IslandConnection connection;
    private boolean ready;
    private boolean closed;
    private String loginId;

    TrunkLink(String peer, Trunks trunks, VertoCodec codec, ServerIds ids) {
        this.peer = peer;
        this.trunks = trunks;
        this.codec = codec;
        this.ids = ids;
    }

    /** Connects and logs in; a far island that cannot be reached fails the calls waiting for the link. */
    void open(WebSocketClient client, String uri) {
        try {
            client.connect(this, URI.create(uri)).whenComplete((s, e) -> {
                if (e != null) {
                    trunks.execute(() -> failed(e));
                }
            });
        } catch (Exception e) {
            failed(e);
        }
    }

    private void failed(Throwable e) {
        LOG.warn("trunk to island {} failed: {}", peer, e.toString());
        lost();
    }

    String peer() {
        return peer;
    }

    IslandConnection connection() {
        return connection;
    }

    boolean closed() {
        return closed;
    }

    /** Runs {@code task} once logged in (at once if it is), or {@code failure} if the link fails first. */
    void whenReady(Runnable task, Runnable failure) {
        if (ready) {
            task.run();
        } else if (closed) {
            failure.run();
        } else {
            onReady.add(task);
            onFailure.add(failure);
        }
    }

    @Override
    public void onWebSocketOpen(Session session) {
        trunks.execute(() -> {
            connection = new IslandConnection(session, codec, ids, System.nanoTime());
            connection.trunk = true;
            connection.bind("trunk-" + UUID.randomUUID(), new Directory.User(Logins.TRUNK_USER, peer, ""));
            ObjectNode params = IslandConnection.object();
            params.put("login", Logins.TRUNK_USER + "@" + trunks.self());
            params.put("passwd", trunks.secret());
            params.put("sessid", connection.sessid());
            long id = ids.next();
            loginId = String.valueOf(id);
            connection.send(JsonRpcRequest.of(LongNode.valueOf(id), "login", params));
        });
    }

    @Override
    public void onWebSocketText(String text) {
        trunks.execute(() -> received(text));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        trunks.execute(this::lost);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        trunks.execute(this::lost);
    }

    private void received(String text) {
        JsonRpcMessage message;
        try {
            message = codec.decode(text);
        } catch (VertoDecodeException e) {
            LOG.warn("trunk to {}: undecodable message dropped", peer);
            return;
        }
        if (message instanceof JsonRpcResult r && String.valueOf(r.id()).equals(loginId)) {
            ready = true;
            LOG.info("trunk to island {} logged in", peer);
            onFailure.clear();
            List<Runnable> tasks = new ArrayList<>(onReady);
            onReady.clear();
            tasks.forEach(Runnable::run);
        } else if (message instanceof JsonRpcError e && String.valueOf(e.id()).equals(loginId)) {
            LOG.warn("trunk to island {} refused: check that both islands have the same trunk secret", peer);
            connection.close(1000, "login refused");
            lost();
        } else if (message instanceof JsonRpcRequest request) {
            connection.result(request.id(), IslandConnection.object());
            trunks.received(this, request);
        }
    }

    private void lost() {
        if (closed) {
            return;
        }
        closed = true;
        ready = false;
        onReady.clear();
        List<Runnable> failures = new ArrayList<>(onFailure);
        onFailure.clear();
        failures.forEach(Runnable::run);
        trunks.lost(this);
    }

    void close() {
        if (connection != null) {
            connection.close(1000, "island stopping");
        }
    }
}
