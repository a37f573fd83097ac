package org.vertogw.bench.soak;

import static org.vertogw.testing.VertoTestClient.OFFER;
import static org.vertogw.testing.VertoTestClient.callParams;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vertogw.testing.RawWebSocket;
import org.vertogw.testing.VertoTestClient;

/**
 * The attacks of a client with an account, or guessing one: failed-login floods,
 * request floods per session, speed-test amplification, media resources per message and per session, invites
 * nobody answers. Hostile accounts are users 1010-1019, which no honest client uses.
 */
final class SessionAttacks {

    private static final String[] DOMAINS = {"a.example", "b.example", "c.example"};

    private SessionAttacks() {}

    static List<Attack> all() {
        return List.of(
                Attack.of(
                        "login-flood",
                        "wrong passwords for users 1015-1019 and unknown users, 10 logins in"
                                + " flight per connection, some names carrying CR/LF and a forged log line",
                        SessionAttacks::loginFlood),
                Attack.of(
                        "request-flood",
                        "per-session budgets: a logged-in client sends 400 pings at once (rate and pending"
                                + " requests), logs in again when closed",
                        SessionAttacks::requestFlood),
                Attack.of(
                        "speed-test",
                        "logged in, a client that never reads starts 1 MB speed tests back to back, or"
                                + " announces a 20 MB one",
                        SessionAttacks::speedTest),
                Attack.of(
                        "media-exhaustion",
                        "invites with 1,000 and 9 m-lines, 8-m-line calls up to the session's"
                                + " call budget and past its rate, never connected; SDP with upper-case transport"
                                + " attributes and a bare CR",
                        SessionAttacks::mediaExhaustion),
                Attack.of(
                        "unanswered-invites",
                        "a caller rings a logged-in callee that never answers, as many calls as it may, at the"
                                + " rate it may",
                        SessionAttacks::unansweredInvites));
    }

    private static String user(int ext, int domain) {
        return ext + "@" + DOMAINS[domain % DOMAINS.length];
    }

    private static void loginFlood(Attack.Context ctx) throws Exception {
        long attempt = 0;
        while (ctx.running()) {
            try (VertoTestClient c =
                    VertoTestClient.connect(ctx.cluster().wss(ctx.gateway(attempt)), Map.of(), ctx.local())) {
                while (ctx.running() && c.isOpen()) {
                    List<Integer> ids = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        long n = attempt++;
                        String login = switch ((int) (n % 4)) {
                            case 0 -> user(1015 + (int) (n % 5), (int) n);
                            case 1 -> "nobody" + n + "@a.example";
                            case 2 -> "1016\n2099-01-01T00:00:00.000+0000 [main] [ERROR] Forged@a.example";
                            default -> user(1017, (int) n);
                        };
                        ids.add(c.request("login", loginParams(login, "wrong-" + n, "lf-" + UUID.randomUUID())));
                    }
                    for (int id : ids) {
                        JsonNode r = c.awaitResponse(id);
                        ctx.count(
                                "login answered " + r.path("error").path("code").asText("ok"));
                    }
                }
                ctx.count("connection closed by the gateway");
            } catch (Exception | AssertionError e) {
                ctx.count("gave up: " + e.getClass().getSimpleName());
            }
            ctx.pace(100);
        }
    }

    private static VertoTestClient loggedIn(Attack.Context ctx, long attempt, String user, String sessid)
            throws Exception {
        VertoTestClient c = VertoTestClient.connect(ctx.cluster().wss(ctx.gateway(attempt)), Map.of(), ctx.local());
        JsonNode r = c.call("login", loginParams(user, "1234", sessid));
        if (!r.has("result")) {
            c.close();
            throw new IOException("login refused: " + r.path("error"));
        }
        return c;
    }

    private static void requestFlood(Attack.Context ctx) throws Exception {
        long attempt = 0;
        String user = user(1010 + ctx.thread(), 0);
        while (ctx.running()) {
            String sessid = "rf-" + UUID.randomUUID();
            try (VertoTestClient c = loggedIn(ctx, attempt++, user, sessid)) {
                int last = 0;
                for (int i = 0; i < 400 && c.isOpen(); i++) {
                    last = c.request("verto.ping", VertoTestClient.params().put("sessid", sessid));
                }
                JsonNode r = c.awaitResponse(last);
                ctx.count("last of 400 answered " + r.path("error").path("code").asText("ok"));
                ctx.count(c.awaitClose() > 0 ? "closed by the gateway" : "open");
            } catch (Exception | AssertionError e) {
                ctx.count("cut off: " + e.getClass().getSimpleName());
            }
            ctx.pace(200);
        }
    }

    private static void speedTest(Attack.Context ctx) throws Exception {
        long attempt = 0;
        String filler = "#SPB" + ".".repeat(1020);
        String user = user(1012 + ctx.thread(), 0);
        while (ctx.running()) {
            int port = ctx.cluster().port(ctx.gateway(attempt++));
            try (RawWebSocket ws = RawWebSocket.open("127.0.0.1", port, "/verto", 4096, ctx.local())) {
                ws.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"id\":1,\"params\":"
                        + loginParams(user, "1234", "sp-" + UUID.randomUUID()) + "}");
                if (!awaitText(ws, "\"result\"", 5000)) {
                    ctx.count("login not answered");
                    continue;
                }
                int tests = 0;
                if (attempt % 2 == 0) {
                    // more than the budget allows in a minute, announced at once
                    ws.sendText("#SPU 20000000");
                }
                while (ctx.running() && tests < 100) {
                    ws.sendText("#SPU 1000000");
                    for (int i = 0; i < 1000; i++) {
                        ws.sendText(filler);
                    }
                    ws.sendText("#SPE");
                    tests++;
                }
                ctx.count("still open after " + tests + " tests");
            } catch (IOException | RuntimeException e) {
                ctx.count("cut off by the gateway");
            }
            ctx.pace(200);
        }
    }

    /** Reads what the server sends until {@code needle} shows up in it (server frames are not masked). */
    private static boolean awaitText(RawWebSocket ws, String needle, long millis) throws IOException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        StringBuilder seen = new StringBuilder();
        InputStream in = ws.socket().getInputStream();
        byte[] buf = new byte[4096];
        while (System.nanoTime() < deadline) {
            ws.socket().setSoTimeout(200);
            try {
                int n = in.read(buf);
                if (n < 0) {
                    return false;
                }
                seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                if (seen.indexOf(needle) >= 0) {
                    return true;
                }
            } catch (java.net.SocketTimeoutException e) {
                // read again until the deadline
            }
        }
        return false;
    }

    /** {@code n} copies of the test offer's audio section, each its own m-line. */
    static String sections(int n) {
        int m = OFFER.indexOf("m=");
        StringBuilder out = new StringBuilder(OFFER.substring(0, m));
        for (int i = 0; i < n; i++) {
            out.append(OFFER.substring(m).replace("a=mid:0", "a=mid:" + i));
        }
        return out.toString();
    }

    private static final String HUGE = sections(1000);
    private static final String NINE = sections(9);
    private static final String EIGHT = sections(8);
    private static final String UPPER_CASE =
            OFFER.replace("a=candidate:", "a=CANDIDATE:").replace("a=ice-pwd:", "a=ICE-PWD:");
    private static final String BARE_CR = OFFER.replace("a=sendrecv\r\n", "a=send\rrecv\r\n");

    private static void mediaExhaustion(Attack.Context ctx) throws Exception {
        long attempt = 0;
        String user = user(1010 + ctx.thread(), 1);
        while (ctx.running()) {
            String sessid = "me-" + UUID.randomUUID();
            try (VertoTestClient c = loggedIn(ctx, attempt++, user, sessid)) {
                List<String> calls = new ArrayList<>();
                for (String sdp : List.of(HUGE, NINE, UPPER_CASE, BARE_CR, EIGHT, EIGHT, EIGHT, EIGHT, EIGHT)) {
                    String callId = UUID.randomUUID().toString();
                    JsonNode r = c.call("verto.invite", inviteParams(callId, "9196", sessid, sdp));
                    ctx.count("invite (" + label(sdp) + ") answered "
                            + r.path("error")
                                    .path("code")
                                    .asText(r.path("result").path("message").asText()));
                    if (r.has("result")) {
                        calls.add(callId);
                    }
                }
                ctx.pace(5000);
                for (String callId : calls) {
                    if (c.isOpen()) {
                        c.request("verto.bye", callParams(callId, sessid));
                    }
                }
            } catch (Exception | AssertionError e) {
                ctx.count("cut off: " + e.getClass().getSimpleName());
            }
            ctx.pace(1000);
        }
    }

    private static String label(String sdp) {
        if (sdp == UPPER_CASE) {
            return "upper-case transport attributes";
        }
        if (sdp == BARE_CR) {
            return "a bare CR in a line";
        }
        return (sdp.split("\r\nm=", -1).length - 1) + " m-lines";
    }

    private static void unansweredInvites(Attack.Context ctx) throws Exception {
        long attempt = 0;
        int callee = 1014 + ctx.thread() * 2;
        String calleeUser = user(callee, 2);
        String callerUser = user(callee + 1, 2);
        while (ctx.running()) {
            String a = "ua-" + UUID.randomUUID();
            String b = "ub-" + UUID.randomUUID();
            try (VertoTestClient callee0 = loggedIn(ctx, attempt, calleeUser, b);
                    VertoTestClient caller = loggedIn(ctx, attempt + 1, callerUser, a)) {
                attempt += 2;
                while (ctx.running() && caller.isOpen() && callee0.isOpen()) {
                    JsonNode r = caller.call(
                            "verto.invite",
                            inviteParams(UUID.randomUUID().toString(), Integer.toString(callee), a, OFFER));
                    ctx.count("invite answered "
                            + r.path("error")
                                    .path("code")
                                    .asText(r.path("result").path("message").asText()));
                    ctx.pace(1100);
                }
            } catch (Exception | AssertionError e) {
                ctx.count("cut off: " + e.getClass().getSimpleName());
            }
            ctx.pace(500);
        }
    }
}
