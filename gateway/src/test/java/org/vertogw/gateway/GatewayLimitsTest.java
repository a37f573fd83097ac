package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.loginParams;
import static org.vertogw.testing.VertoTestClient.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.Limits;
import org.vertogw.testing.VertoTestClient;

/** Bad input and limits at the edge: each gets its documented answer, and nothing else is lost. */
class GatewayLimitsTest {

    static GatewayFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new GatewayFixture(b -> b.health(GatewayFixture.PATIENT_HEALTH)
                .limits(Limits.builder()
                        .with(l -> {
                            l.messagesPerSecond = 5;
                            l.messageBurst = 10;
                            l.connectionsPerAddress = 12;
                            l.unauthenticatedPerAddress = 12;
                            l.maxFrameBytes = 64 * 1024;
                        })
                        .build())
                .allowedOrigins(List.of("https://phone.example")));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void malformedJsonGetsInvalidRequestAndTheConnectionStaysUsable() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":");
            JsonNode e = c.await(m -> m.path("error").path("code").asInt() == -32600, "-32600");
            assertThat(e.get("id").isNull()).isTrue();
            c.sendRaw("{\"jsonrpc\":\"1.0\",\"method\":\"login\",\"id\":3}");
            assertThat(c.awaitResponse(3).path("error").path("message").asText())
                    .isEqualTo("Invalid message");
            assertThat(c.call("login", loginParams("1000@a.example", "1234", "lim-1"))
                            .has("result"))
                    .isTrue();
        }
    }

    @Test
    void unknownMethodsAndServerOnlyMethodsAreMethodNotFound() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            assertThat(c.call("verto.frobnicate", params())
                            .path("error")
                            .path("code")
                            .asInt())
                    .isEqualTo(-32601);
            assertThat(c.call("verto.punt", params()).path("error").path("code").asInt())
                    .isEqualTo(-32601);
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void aFrameOverTheLimitClosesWith1009() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1,\"params\":{\"x\":\"" + "a".repeat(70_000)
                    + "\"}}");
            assertThat(c.awaitClose()).isEqualTo(1009);
        }
        GatewayFixture.await(
                () -> fx.gateway.edge().openSessions() == 0 || fx.gateway.edge().openSessions() < 12, "released");
    }

    @Test
    void aFloodIsAnsweredRateLimitedWithARetryHintAndTheSessionRecovers() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ids.add(c.request("verto.ping", params()));
            }
            int limited = 0;
            for (int id : ids) {
                JsonNode r = c.awaitResponse(id);
                if (r.path("error").path("code").asInt() == -32013) {
                    limited++;
                    assertThat(r.path("error").path("data").path("retryAfterMs").asLong())
                            .isPositive();
                }
            }
            assertThat(limited).isGreaterThanOrEqualTo(15);
            JsonNode later = awaitNotLimited(c);
            assertThat(later.path("error").path("code").asInt()).isEqualTo(-32000);
        }
    }

    private static JsonNode awaitNotLimited(VertoTestClient c) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            JsonNode r = c.call("verto.ping", params());
            if (r.path("error").path("code").asInt() != -32013 || System.nanoTime() > deadline) {
                return r;
            }
            Thread.sleep(r.path("error").path("data").path("retryAfterMs").asLong(50));
        }
    }

    @Test
    void anOriginOffTheAllowListIsClosedWith1008AndAListedOneIsServed() throws Exception {
        try (VertoTestClient evil = VertoTestClient.connect(fx.wss(), Map.of("Origin", "https://evil.example"))) {
            assertThat(evil.awaitClose()).isEqualTo(1008);
            assertThat(evil.closeReason()).contains("origin");
        }
        try (VertoTestClient good = VertoTestClient.connect(fx.wss(), Map.of("Origin", "https://PHONE.example"))) {
            assertThat(good.call("login", params()).path("error").path("code").asInt())
                    .isEqualTo(-32000);
        }
    }

    @Test
    void connectionsPastThePerAddressLimitAreClosedWith1008() throws Exception {
        List<VertoTestClient> open = new ArrayList<>();
        try {
            int refused = 0;
            for (int i = 0; i < 14; i++) {
                VertoTestClient c = VertoTestClient.connect(fx.wss());
                open.add(c);
            }
            for (VertoTestClient c : open) {
                if (!servedALogin(c)) {
                    refused++;
                    assertThat(c.awaitClose()).isEqualTo(1008);
                }
            }
            assertThat(refused).isGreaterThanOrEqualTo(2);
        } finally {
            for (VertoTestClient c : open) {
                c.close();
            }
        }
        GatewayFixture.await(() -> fx.gateway.edge().openSessions() == 0, "all released");
        try (VertoTestClient again = VertoTestClient.connect(fx.wss())) {
            assertThat(again.call("login", params()).path("error").path("code").asInt())
                    .isEqualTo(-32000);
        }
    }

    /**
     * Whether the gateway answered a login on {@code c}: false when the socket was closed before or while the
     * login was waiting, as a refusal that lands after the upgrade does (the caller then checks the close code).
     */
    private boolean servedALogin(VertoTestClient c) throws Exception {
        if (!c.isOpen()) {
            return false;
        }
        try {
            return c.call("login", params()).path("error").path("code").asInt() == -32000;
        } catch (AssertionError closedWhileWaiting) {
            return false;
        }
    }

    @Test
    void binaryFramesAreNotVertoAndCloseWith1003() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            c.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertThat(c.awaitClose()).isEqualTo(1003);
        }
    }

    @Test
    void aSpeedTestBeforeLoginClosesTheConnection() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            c.sendRaw("#SPU 100");
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
    }
}
