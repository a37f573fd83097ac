package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.loginParams;
import static org.vertogw.testing.VertoTestClient.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.Deflater;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.Limits;
import org.vertogw.gateway.edge.CloseReason;
import org.vertogw.gateway.edge.Refusal;
import org.vertogw.testing.Await;
import org.vertogw.testing.RawWebSocket;
import org.vertogw.testing.VertoTestClient;

/**
 * The edge's budgets against clients that misbehave on purpose: each refusal is answered or closed with its
 * reason, counted, and costs nothing that stays behind.
 */
class EdgeBudgetsTest {

    static GatewayFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new GatewayFixture(b -> b.limits(Limits.builder()
                .with(l -> {
                    l.inboundBytesPerSecond = 512 * 1024;
                    l.inboundBytesBurst = 1_100_000;
                    l.connectionsPerAddress = 12;
                    l.unauthenticatedPerAddress = 12;
                    l.loginDeadline = Duration.ofMillis(1500);
                    l.upgradeTimeout = Duration.ofMillis(500);
                    l.speedTestBytesPerMinute = 1 << 20;
                })
                .build()));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static int port() {
        return fx.gateway.port();
    }

    @Test
    void anIdLongerThanTheLimitIsAnsweredWithANullIdInsteadOfBeingEchoed() throws Exception {
        long before = fx.gateway.metrics().count(Refusal.BAD_ID);
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            String id = "i".repeat(900);
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"id\":\"" + id + "\",\"params\":{}}");
            JsonNode e = c.await(m -> m.path("error").path("code").asInt() == -32600, "-32600");
            assertThat(e.get("id").isNull()).isTrue();
            assertThat(e.toString()).doesNotContain(id);
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"id\":{\"an\":\"object\"},\"params\":{}}");
            c.await(
                    m -> m.path("error").path("code").asInt() == -32600
                            && m.get("id").isNull(),
                    "object id");
            assertThat(c.call("login", params()).path("error").path("code").asInt())
                    .isEqualTo(-32000);
        }
        assertThat(fx.gateway.metrics().count(Refusal.BAD_ID)).isEqualTo(before + 1);
    }

    @Test
    void framesArrivingFasterThanTheByteBudgetCloseTheConnectionBeforeTheyAreParsed() throws Exception {
        long before = fx.gateway.metrics().count(CloseReason.INBOUND_BYTES);
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            String frame = "{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"id\":1,\"params\":{\"x\":\""
                    + "a".repeat(900_000) + "\"}}";
            c.sendRaw(frame);
            c.sendRaw(frame);
            assertThat(c.awaitClose()).isEqualTo(1008);
            assertThat(c.closeReason()).contains("faster than allowed");
        }
        assertThat(fx.gateway.metrics().count(CloseReason.INBOUND_BYTES)).isEqualTo(before + 1);
    }

    @Test
    void aSpeedTestOverTheBudgetOrASecondOneAtOnceClosesTheConnection() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            c.call("login", loginParams("1000@a.example", "1234", "sp-" + UUID.randomUUID()));
            c.sendRaw("#SPU 10485760");
            assertThat(c.awaitClose()).isEqualTo(1008);
            assertThat(c.closeReason()).contains("speed test budget");
        }
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            c.call("login", loginParams("1001@a.example", "1234", "sp-" + UUID.randomUUID()));
            c.sendRaw("#SPU 1000");
            c.sendRaw("#SPU 1000");
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
    }

    /**
     * Browsers offer permessage-deflate on every connection; accepted, each session would keep a zlib deflater and
     * inflater (RFC 7692 §7.1.1, context takeover) for its lifetime.
     */
    @Test
    void permessageDeflateIsNotAcceptedAndACompressedFrameClosesTheConnection() throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(
                "127.0.0.1",
                port(),
                "/verto",
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits")) {
            assertThat(ws.upgradeResponse()).startsWith("HTTP/1.1 101");
            assertThat(ws.upgradeResponse().toLowerCase(Locale.ROOT)).doesNotContain("sec-websocket-extensions");
            // RSV1 set without an extension that defines it: a protocol error (RFC 6455 §5.2), never inflated
            ws.sendFrame(0xC1, deflated("{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"id\":1,\"params\":{}}"));
            assertThat(ws.awaitEndOfStream(Duration.ofSeconds(5))).isTrue();
        }
    }

    /** A message as permessage-deflate sends it (RFC 7692 §7.2.1: raw DEFLATE, the final 00 00 ff ff removed). */
    private static byte[] deflated(String text) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(text.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[1024];
        int n = d.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        d.end();
        return Arrays.copyOf(out, n - 4);
    }

    @Test
    void upgradesDroppedBeforeTheAnswerGiveTheirAddressSlotBack() throws Exception {
        for (int i = 0; i < 40; i++) {
            SSLSocket s = RawWebSocket.tls("127.0.0.1", port(), 0);
            s.getOutputStream().write(RawWebSocket.upgradeRequest("127.0.0.1", port(), "/verto"));
            s.getOutputStream().flush();
            s.close();
        }
        Await.until("every slot given back", () -> fx.gateway.edge().connectionsFrom("127.0.0.1") == 0);
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            assertThat(c.call("login", params()).path("error").path("code").asInt())
                    .isEqualTo(-32000);
        }
    }

    @Test
    void aConnectionThatNeverLogsInIsClosedAtTheDeadlineWhateverItSends() throws Exception {
        long before = fx.gateway.metrics().count(CloseReason.LOGIN_DEADLINE);
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (c.isOpen() && System.nanoTime() < deadline) {
                // credential-less logins now and then do not buy time
                int id = c.request("login", params());
                Await.until(
                        "an answer, or the close",
                        () -> !c.isOpen() || c.hasReceived(m -> m.path("id").asInt() == id));
                // ten a second, well within the message rate, so that only the login deadline can close it
                long next = System.nanoTime() + Duration.ofMillis(100).toNanos();
                Await.until("the next login's turn, or the close", () -> !c.isOpen() || System.nanoTime() >= next);
            }
            assertThat(c.awaitClose()).isEqualTo(1008);
            assertThat(c.closeReason()).contains("not logged in in time");
        }
        assertThat(fx.gateway.metrics().count(CloseReason.LOGIN_DEADLINE)).isEqualTo(before + 1);
    }

    @Test
    void aConnectionThatNeverFinishesTlsOrTheUpgradeIsClosed() throws Exception {
        try (SSLSocket tls = RawWebSocket.tls("127.0.0.1", port(), 0)) {
            assertThat(RawWebSocket.endOfStream(tls, Duration.ofSeconds(5)))
                    .as("TLS done, no request")
                    .isTrue();
        }
        try (Socket tcp = new Socket()) {
            tcp.connect(new InetSocketAddress("127.0.0.1", port()), 2000);
            assertThat(RawWebSocket.endOfStream(tcp, Duration.ofSeconds(5)))
                    .as("no TLS handshake")
                    .isTrue();
        }
    }

    @Test
    void aNumericSessidIsAnotherSession() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            c.call("login", loginParams("1002@a.example", "1234", "num-" + UUID.randomUUID()));
            ObjectNode p = params();
            p.put("sessid", 12345);
            assertThat(c.call("verto.ping", p).path("error").path("code").asInt())
                    .isEqualTo(-32602);
        }
    }

    @Test
    void aWrongPasswordWithAnotherUsersSessidLearnsNothingAboutTheBinding() throws Exception {
        String sessid = "bound-" + UUID.randomUUID();
        try (VertoTestClient owner = VertoTestClient.connect(fx.wss());
                VertoTestClient prober = VertoTestClient.connect(fx.wss())) {
            owner.call("login", loginParams("1003@a.example", "1234", sessid));
            JsonNode probe = prober.call("login", loginParams("1004@a.example", "wrong", sessid));
            assertThat(probe.path("error").path("code").asInt()).isEqualTo(-32001);
            assertThat(probe.path("error").path("message").asText()).isNotEqualTo("Session in use");
            JsonNode unknown = prober.call("login", loginParams("1004@a.example", "wrong", "unbound-" + sessid));
            assertThat(unknown.path("error")).isEqualTo(probe.path("error"));
        }
    }
}
