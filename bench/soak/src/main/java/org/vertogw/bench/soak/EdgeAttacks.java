package org.vertogw.bench.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.vertogw.testing.RawWebSocket;

/**
 * The attacks that need no account: connection floods, stalled handshakes,
 * oversized and malformed frames, replies that are never read, and the admin API from a foreign origin.
 */
final class EdgeAttacks {

    private static final String HOST = "127.0.0.1";

    private EdgeAttacks() {}

    static List<Attack> all() {
        return List.of(
                Attack.of(
                        "connection-flood",
                        "WebSocket upgrades held open without logging in, 60 per address, and upgrades"
                                + " dropped before the 101; each thread about 50 connections/s",
                        EdgeAttacks::connectionFlood),
                Attack.of(
                        "slowloris",
                        "connections that stall: TCP without TLS, TLS without a request, a request"
                                + " dribbled a header line at a time, an upgrade that never logs in (a"
                                + " credential-less login every 5 s); 30 per thread, replaced when closed",
                        EdgeAttacks::slowloris),
                Attack.of(
                        "frames",
                        "malformed input: 1.1 MB frames, 900 KB frames back to back, a 900 KB id,"
                                + " broken JSON, batches, binary frames, unknown and server-only methods",
                        EdgeAttacks::frames),
                Attack.of(
                        "unread-replies",
                        "a client with a 4 KiB receive buffer that never reads sends pings with"
                                + " 120-character ids in bursts of 200",
                        EdgeAttacks::unreadReplies),
                Attack.of(
                        "admin",
                        "cross-site POST /v1/admin/drain (foreign Origin, text/plain), token-less drain"
                                + " and map PUT with a bad verto URL, /metrics without a token; 20 requests/s",
                        EdgeAttacks::admin));
    }

    private static void connectionFlood(Attack.Context ctx) throws Exception {
        List<RawWebSocket> held = new ArrayList<>();
        long attempt = 0;
        try {
            while (ctx.running()) {
                int port = ctx.cluster().port(ctx.gateway(attempt++));
                try {
                    held.add(RawWebSocket.open(HOST, port, "/verto", 0, ctx.local()));
                    ctx.count("upgraded");
                } catch (IOException | RuntimeException e) {
                    ctx.count("refused before the upgrade");
                }
                if (attempt % 4 == 0) {
                    try (SSLSocket s = RawWebSocket.tls(HOST, port, 0, ctx.local())) {
                        s.getOutputStream().write(RawWebSocket.upgradeRequest(HOST, port, "/verto"));
                        s.getOutputStream().flush();
                        ctx.count("upgrade dropped before the 101");
                    } catch (IOException e) {
                        ctx.count("refused before the upgrade");
                    }
                }
                if (held.size() > 60) {
                    held.remove(0).close();
                }
                ctx.pace(20);
            }
        } finally {
            held.forEach(RawWebSocket::close);
        }
    }

    /** A stalled connection and what it does next. */
    private record Stall(Socket socket, int kind, long opened, long[] lastAction) {}

    private static void slowloris(Attack.Context ctx) throws Exception {
        List<Stall> held = new ArrayList<>();
        long attempt = 0;
        try {
            while (ctx.running()) {
                while (held.size() < 30 && ctx.running()) {
                    int kind = (int) (attempt % 4);
                    int port = ctx.cluster().port(ctx.gateway(attempt++));
                    try {
                        held.add(new Stall(stall(port, kind, ctx), kind, System.nanoTime(), new long[] {0}));
                    } catch (IOException | RuntimeException e) {
                        ctx.count("refused at once");
                    }
                    ctx.pace(20);
                }
                for (int i = held.size() - 1; i >= 0; i--) {
                    Stall s = held.get(i);
                    if (closedByPeer(s.socket)) {
                        held.remove(i);
                        long lived = (System.nanoTime() - s.opened) / 1_000_000_000L;
                        ctx.count(KINDS[s.kind] + " closed by the gateway after " + bucket(lived));
                        s.socket.close();
                    } else {
                        nudge(s);
                    }
                }
                ctx.pace(500);
            }
        } finally {
            for (Stall s : held) {
                s.socket.close();
            }
        }
    }

    private static final String[] KINDS = {
        "TCP without TLS", "TLS without a request", "a request dribbled", "an upgrade that never logs in"
    };

    private static String bucket(long seconds) {
        long[] edges = {2, 5, 11, 15, 31, 35, 60};
        for (long e : edges) {
            if (seconds < e) {
                return "< " + e + " s";
            }
        }
        return ">= 60 s";
    }

    private static Socket stall(int port, int kind, Attack.Context ctx) throws Exception {
        if (kind == 0) {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(ctx.local(), 0));
            s.connect(new InetSocketAddress(HOST, port), 5000);
            return s;
        }
        SSLSocket s = RawWebSocket.tls(HOST, port, 0, ctx.local());
        if (kind == 2) {
            s.getOutputStream().write(("GET /verto HTTP/1.1\r\nHost: localhost:" + port + "\r\n").getBytes());
            s.getOutputStream().flush();
        } else if (kind == 3) {
            s.getOutputStream().write(RawWebSocket.upgradeRequest(HOST, port, "/verto"));
            s.getOutputStream().flush();
        }
        return s;
    }

    /** Keeps a stalled connection looking alive: a header line every 2 s, a credential-less login every 5 s. */
    private static void nudge(Stall s) {
        long now = System.nanoTime();
        long every = s.kind == 2 ? 2_000_000_000L : 5_000_000_000L;
        if ((s.kind != 2 && s.kind != 3) || now - s.lastAction[0] < every) {
            return;
        }
        s.lastAction[0] = now;
        try {
            OutputStream out = s.socket.getOutputStream();
            if (s.kind == 2) {
                out.write(("X-Stall-" + (now % 1000) + ": " + now + "\r\n").getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(maskedText("{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"id\":1,\"params\":{}}"));
            }
            out.flush();
        } catch (IOException closed) {
            // seen as closed on the next round
        }
    }

    /** A small masked text frame (RFC 6455 §5.3) with a zero mask, which leaves the payload as it is. */
    private static byte[] maskedText(String text) {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[6 + p.length];
        f[0] = (byte) 0x81;
        f[1] = (byte) (0x80 | p.length);
        System.arraycopy(p, 0, f, 6, p.length);
        return f;
    }

    /** Whether the peer has closed (or reset) the connection; drains what it sent meanwhile. */
    static boolean closedByPeer(Socket s) {
        try {
            s.setSoTimeout(1);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            while (true) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static final String BIG_PAYLOAD = "a".repeat(900_000);
    private static final String OVERSIZED =
            "{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"id\":1,\"params\":{\"x\":\"" + "a".repeat(1_100_000) + "\"}}";
    private static final String BIG =
            "{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"id\":1,\"params\":{\"x\":\"" + BIG_PAYLOAD + "\"}}";
    private static final String BIG_ID =
            "{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"id\":\"" + BIG_PAYLOAD + "\",\"params\":{}}";
    private static final List<String> MALFORMED = List.of(
            "{not json",
            "[{\"jsonrpc\":\"2.0\",\"method\":\"verto.ping\",\"id\":1,\"params\":{}}]",
            "{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"id\":{\"an\":\"object\"},\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"no.such.method\",\"id\":2,\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"verto.punt\",\"id\":3,\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"verto.invite\",\"id\":4,\"params\":{\"sessid\":12345}}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}",
            "\"just a string\"",
            "");

    private static void frames(Attack.Context ctx) throws Exception {
        long attempt = 0;
        while (ctx.running()) {
            int port = ctx.cluster().port(ctx.gateway(attempt));
            int kind = (int) (attempt++ % 4);
            try (RawWebSocket ws = RawWebSocket.open(HOST, port, "/verto", 0, ctx.local())) {
                switch (kind) {
                    case 0 -> ws.sendText(OVERSIZED);
                    case 1 -> {
                        ws.sendText(BIG);
                        ws.sendText(BIG);
                        ws.sendText(BIG);
                    }
                    case 2 -> ws.sendText(BIG_ID);
                    default -> {
                        for (int i = 0; i < 20 && ctx.running(); i++) {
                            ws.sendText(MALFORMED.get(i % MALFORMED.size()));
                            if (i % 7 == 0) {
                                ws.sendBinary(new byte[] {1, 2, 3});
                            }
                            ctx.pace(50);
                        }
                    }
                }
                ctx.count(
                        RawWebSocket.endOfStream(ws.socket(), java.time.Duration.ofSeconds(2))
                                ? "kind " + kind + ": closed by the gateway"
                                : "kind " + kind + ": still open after 2 s");
            } catch (IOException | RuntimeException e) {
                ctx.count("kind " + kind + ": cut off while sending");
            }
            ctx.pace(100);
        }
    }

    private static void unreadReplies(Attack.Context ctx) throws Exception {
        String request =
                "{\"jsonrpc\":\"2.0\",\"method\":\"verto.ping\",\"id\":\"" + "r".repeat(120) + "\",\"params\":{}}";
        long attempt = 0;
        while (ctx.running()) {
            int port = ctx.cluster().port(ctx.gateway(attempt++));
            long sent = 0;
            try (RawWebSocket ws = RawWebSocket.open(HOST, port, "/verto", 4096, ctx.local())) {
                while (ctx.running() && sent < 20_000) {
                    for (int i = 0; i < 200; i++) {
                        ws.sendText(request);
                        sent++;
                    }
                    ctx.pace(20);
                }
                ctx.count("still open after " + sent + " frames");
            } catch (IOException | RuntimeException e) {
                ctx.count("cut off by the gateway");
            }
            ctx.pace(100);
        }
    }

    private static final String BAD_MAP = "{\"version\":99999,\"islands\":[{\"id\":\"x\",\"verto\":\"http://evil\"}]}";

    private static void admin(Attack.Context ctx) throws Exception {
        long attempt = 0;
        while (ctx.running()) {
            int port = ctx.cluster().port(ctx.gateway(attempt));
            String request = switch ((int) (attempt++ % 4)) {
                case 0 -> http("POST", "/v1/admin/drain", port, "Origin: https://evil.example\r\n", "text/plain", "{}");
                case 1 -> http("POST", "/v1/admin/drain", port, "", "application/json", "{}");
                case 2 -> http("PUT", "/v1/admin/partition-map", port, "", "application/json", BAD_MAP);
                default -> http("GET", "/metrics", port, "", null, null);
            };
            try (SSLSocket s = RawWebSocket.tls(HOST, port, 0, ctx.local())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                byte[] head = s.getInputStream().readNBytes(12);
                String status = new String(head, StandardCharsets.US_ASCII);
                ctx.count(request.substring(0, request.indexOf(" HTTP")) + " -> "
                        + (status.length() >= 12 ? status.substring(9, 12) : "no answer"));
            } catch (IOException e) {
                ctx.count("connection failed");
            }
            ctx.pace(50);
        }
    }

    private static String http(String method, String path, int port, String extra, String type, String body) {
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + extra
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "Content-Length: " + b.length
                + "\r\nConnection: close\r\n\r\n" + (body == null ? "" : body);
    }
}
