package org.vertogw.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A Verto client for tests over a real WebSocket: sends requests, answers nothing by itself, and lets a test await
 * a response by id, a server request by method, or the close. Every wait has a deadline.
 */
public final class VertoTestClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocketClient client;
    private final List<JsonNode> received = new ArrayList<>();
    private final List<String> rawFrames = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile Session session;
    private volatile String closeReason;

    private VertoTestClient(WebSocketClient client) {
        this.client = client;
    }

    public static VertoTestClient connect(URI uri) throws Exception {
        return connect(uri, Map.of());
    }

    /** Connects, trusting any certificate (test only), with extra upgrade headers such as Origin. */
    public static VertoTestClient connect(URI uri, Map<String, String> headers) throws Exception {
        return connect(uri, headers, null);
    }

    /**
     * As {@link #connect(URI, Map)}, from the local address {@code local} (null: any): clients at several addresses
     * of 127.0.0.0/8 are apart for the gateway's per-address budgets.
     */
    public static VertoTestClient connect(URI uri, Map<String, String> headers, java.net.InetAddress local)
            throws Exception {
        ClientConnector cc = new ClientConnector();
        if (local != null) {
            cc.setBindAddress(new java.net.InetSocketAddress(local, 0));
        }
        cc.setSslContextFactory(new SslContextFactory.Client(true));
        HttpClient http = new HttpClient(new HttpClientTransportDynamic(cc));
        WebSocketClient ws = new WebSocketClient(http);
        ws.setMaxTextMessageSize(4 * 1024 * 1024);
        ws.start();
        VertoTestClient c = new VertoTestClient(ws);
        ClientUpgradeRequest req = new ClientUpgradeRequest();
        headers.forEach(req::setHeader);
        try {
            ws.connect(c.new Listener(), uri, req).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            ws.stop();
            throw e;
        }
        return c;
    }

    public final class Listener implements Session.Listener.AutoDemanding {
        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
        }

        @Override
        public void onWebSocketText(String message) {
            synchronized (received) {
                rawFrames.add(message);
                if (!message.startsWith("#")) {
                    try {
                        received.add(JSON.readTree(message));
                    } catch (Exception e) {
                        received.add(JSON.createObjectNode().put("unparseable", message));
                    }
                }
                received.notifyAll();
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            synchronized (received) {
                received.notifyAll();
            }
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            closed.complete(1006);
            synchronized (received) {
                received.notifyAll();
            }
        }
    }

    public void sendRaw(String text) {
        session.sendText(text, Callback.NOOP);
    }

    public void sendBinary(java.nio.ByteBuffer data) {
        session.sendBinary(data, Callback.NOOP);
    }

    /** Sends a request and returns its id. */
    public int request(String method, ObjectNode params) {
        int id = nextId.getAndIncrement();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("jsonrpc", "2.0");
        msg.put("method", method);
        msg.set("params", params);
        msg.put("id", id);
        sendRaw(msg.toString());
        return id;
    }

    /** Sends a request and waits for its response (result or error). */
    public JsonNode call(String method, ObjectNode params) throws InterruptedException {
        return awaitResponse(request(method, params));
    }

    /** Answers a server request with a result, as verto.js does ({@code {"method": ...}}). */
    public void reply(JsonNode serverRequest) {
        ObjectNode msg = JSON.createObjectNode();
        msg.put("jsonrpc", "2.0");
        msg.set("id", serverRequest.get("id"));
        msg.putObject("result").put("method", serverRequest.path("method").asText());
        sendRaw(msg.toString());
    }

    public JsonNode awaitResponse(int id) throws InterruptedException {
        return await(
                m -> !m.has("method") && m.path("id").asInt(-1) == id && (m.has("result") || m.has("error")),
                "response to id " + id);
    }

    public JsonNode awaitRequest(String method) throws InterruptedException {
        return await(m -> method.equals(m.path("method").asText()), "server request " + method);
    }

    public JsonNode awaitRequest(String method, String callId) throws InterruptedException {
        return await(
                m -> method.equals(m.path("method").asText())
                        && callId.equals(m.path("params").path("callID").asText()),
                "server request " + method + " for " + callId);
    }

    /** Waits for, and consumes, the first message that matches. */
    public JsonNode await(Predicate<JsonNode> match, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (received) {
            while (true) {
                for (int i = 0; i < received.size(); i++) {
                    if (match.test(received.get(i))) {
                        return received.remove(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + "; received " + received
                            + (closed.isDone() ? "; closed " + closed.getNow(null) + " " + closeReason : ""));
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
        }
    }

    /** Waits for a raw text frame (e.g. the {@code #SP*} channel) starting with a prefix. */
    public String awaitRaw(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (received) {
            while (true) {
                for (int i = 0; i < rawFrames.size(); i++) {
                    if (rawFrames.get(i).startsWith(prefix)) {
                        return rawFrames.remove(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for a frame starting " + prefix);
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
        }
    }

    /** Whether any message received so far (and not consumed) matches. */
    public boolean hasReceived(Predicate<JsonNode> match) {
        synchronized (received) {
            return received.stream().anyMatch(match);
        }
    }

    /** The close status code, waiting for it. */
    public int awaitClose() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean isOpen() {
        Session s = session;
        return s != null && s.isOpen() && !closed.isDone();
    }

    /** Drops the TCP connection without a close handshake, like a crashed browser. */
    public void disconnect() {
        session.disconnect();
    }

    @Override
    public void close() throws Exception {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(1000, "bye", Callback.NOOP);
            try {
                closed.get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the server may already be gone
            }
        }
        client.stop();
    }

    public static ObjectNode params() {
        return JSON.createObjectNode();
    }

    public static ObjectNode loginParams(String login, String passwd, String sessid) {
        ObjectNode p = params();
        p.put("login", login);
        p.put("passwd", passwd);
        p.putObject("loginParams");
        p.putObject("userVariables");
        p.put("sessid", sessid);
        return p;
    }

    public static final String OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:abcd\r\n"
            + "a=ice-pwd:abcdefghijklmnopqrstuvwx\r\na=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
            + "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF\r\na=setup:actpass\r\na=mid:0\r\na=sendrecv\r\na=rtcp-mux\r\n"
            + "a=rtpmap:111 opus/48000/2\r\na=candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host\r\n"
            + "a=end-of-candidates\r\n";

    /** A browser-style invite's params: a fresh callID, destination and the offer. */
    public static ObjectNode inviteParams(String callId, String destination, String sessid, String sdp) {
        ObjectNode p = params();
        p.put("sdp", sdp);
        ObjectNode dp = p.putObject("dialogParams");
        dp.put("callID", callId);
        dp.put("destination_number", destination);
        dp.put("caller_id_name", "Tester");
        dp.put("remote_caller_id_name", "Outbound Call");
        dp.put("useVideo", false);
        dp.putObject("videoParams").put("minWidth", 320);
        p.put("sessid", sessid);
        return p;
    }

    public static ObjectNode callParams(String callId, String sessid) {
        ObjectNode p = params();
        p.putObject("dialogParams").put("callID", callId);
        p.put("sessid", sessid);
        return p;
    }
}
