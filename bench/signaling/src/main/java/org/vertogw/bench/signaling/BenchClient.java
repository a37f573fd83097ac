package org.vertogw.bench.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A minimal asynchronous Verto client for load: connect, request, await the response by id. */
public final class BenchClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebSocketClient client;

    BenchClient() throws Exception {
        ClientConnector cc = new ClientConnector();
        cc.setSslContextFactory(new SslContextFactory.Client(true));
        QueuedThreadPool pool = new QueuedThreadPool(64, 8);
        pool.setName("bench-client");
        pool.setDaemon(true);
        cc.setExecutor(pool);
        client = new WebSocketClient(new HttpClient(new HttpClientTransportDynamic(cc)));
        client.setIdleTimeout(java.time.Duration.ofMinutes(10));
        client.start();
    }

    /** One connection. */
    public final class Connection implements Session.Listener.AutoDemanding {
        private final CompletableFuture<Session> opened = new CompletableFuture<>();
        private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger(1);
        private volatile Session session;
        private volatile String extensions = "[]";

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            extensions = s.getUpgradeResponse().getExtensions().toString();
            opened.complete(s);
        }

        @Override
        public void onWebSocketText(String message) {
            try {
                JsonNode m = JSON.readTree(message);
                if (!m.has("method")) {
                    CompletableFuture<JsonNode> f = waiting.remove(m.path("id").asInt());
                    if (f != null) {
                        f.complete(m);
                    }
                }
            } catch (Exception ignored) {
                // not for us
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            waiting.values()
                    .forEach(f ->
                            f.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason)));
        }

        /** The failure goes to whoever waits (without this Jetty logs an "Unhandled Error" WARN per failure). */
        @Override
        public void onWebSocketError(Throwable cause) {
            opened.completeExceptionally(cause);
            waiting.values().forEach(f -> f.completeExceptionally(cause));
        }

        /** The extensions the server accepted, as its upgrade response listed them. */
        String extensions() {
            return extensions;
        }

        CompletableFuture<JsonNode> request(String method, String paramsJson) {
            int id = ids.getAndIncrement();
            CompletableFuture<JsonNode> f = new CompletableFuture<>();
            waiting.put(id, f);
            session.sendText(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + paramsJson + ",\"id\":" + id
                            + "}",
                    Callback.NOOP);
            return f;
        }

        CompletableFuture<JsonNode> login(String user, String sessid) {
            return request(
                    "login",
                    "{\"login\":\"" + user
                            + "\",\"passwd\":\"1234\",\"loginParams\":{},\"userVariables\":{},\"sessid\":\"" + sessid
                            + "\"}");
        }

        void close() {
            Session s = session;
            if (s != null) {
                s.close(1000, "done", Callback.NOOP);
            }
        }
    }

    /**
     * Browsers offer permessage-deflate (RFC 7692) on every WebSocket; {@code -Dbench.deflate=true} makes the bench's
     * connections offer it too, so that what a server spends when it accepts the offer shows in the figures.
     */
    static final boolean OFFER_DEFLATE = Boolean.getBoolean("bench.deflate");

    CompletableFuture<Connection> connect(URI uri) throws Exception {
        Connection c = new Connection();
        ClientUpgradeRequest upgrade = new ClientUpgradeRequest();
        if (OFFER_DEFLATE) {
            upgrade.addExtensions("permessage-deflate; client_max_window_bits");
        }
        client.connect(c, uri, upgrade);
        return c.opened.thenApply(s -> c);
    }

    Connection connectNow(URI uri) throws Exception {
        return connect(uri).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
