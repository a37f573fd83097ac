package org.vertogw.island;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.loginParams;
import static org.vertogw.testing.VertoTestClient.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertogw.testing.VertoTestClient;

/** mod_verto's login behaviour (docs/protocol.md §2, §3) over a real WebSocket. */
class IslandLoginTest {

    private VertoIsland island;

    @BeforeEach
    void start() throws Exception {
        island = VertoIsland.start(
                IslandConfig.builder("fs-test").pingIdle(Duration.ofMillis(400)).build());
    }

    @AfterEach
    void stop() {
        island.close();
    }

    @Test
    void theVertoJsLoginDanceGetsTwoAuthenticationRequiredThenLogsIn() throws Exception {
        String sessid = UUID.randomUUID().toString();
        try (VertoTestClient c = VertoTestClient.connect(island.uri())) {
            int second = c.request("login", params().put("sessid", sessid));
            int first = c.request("login", params().put("sessid", sessid));
            for (int id : new int[] {second, first}) {
                JsonNode r = c.awaitResponse(id);
                assertThat(r.path("error").path("code").asInt()).isEqualTo(-32000);
                assertThat(r.path("error").path("message").asText()).isEqualTo("Authentication Required");
            }
            JsonNode ok = c.call("login", loginParams("1000@a.example", "1234", sessid));
            assertThat(ok.path("result").path("message").asText()).isEqualTo("logged in");
            assertThat(ok.path("result").path("sessid").asText()).isEqualTo(sessid);
            JsonNode ready = c.awaitRequest("verto.clientReady");
            assertThat(ready.path("params").path("reattached_sessions").isArray())
                    .isTrue();
            assertThat(ready.path("params").path("reattached_sessions")).isEmpty();
        }
    }

    @Test
    void permessageDeflateIsDeclinedAsModVertoDeclinesEveryExtension() throws Exception {
        WebSocketClient ws = new WebSocketClient();
        ws.start();
        try {
            ClientUpgradeRequest offer = new ClientUpgradeRequest();
            offer.addExtensions("permessage-deflate; client_max_window_bits");
            Session s = ws.connect(new Session.Listener.AutoDemanding() {}, island.uri(), offer)
                    .get(10, TimeUnit.SECONDS);
            assertThat(s.getUpgradeResponse().getExtensions()).isEmpty();
            s.close();
        } finally {
            ws.stop();
        }
    }

    @Test
    void everyLoginFailureHasModVertosMessageAndTheSocketStaysOpen() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(island.uri())) {
            assertThat(c.call("login", loginParams("1000@a.example", "wrong", "s1"))
                            .path("error")
                            .path("message")
                            .asText())
                    .isEqualTo("Authentication Failure");
            assertThat(c.call("login", loginParams("4242@a.example", "1234", "s1"))
                            .path("error")
                            .path("message")
                            .asText())
                    .isEqualTo("Login Incorrect");
            assertThat(c.call("login", loginParams("1000", "1234", "s1"))
                            .path("error")
                            .path("message")
                            .asText())
                    .isEqualTo("Missing or improper credentials");
            assertThat(c.call("login", loginParams("1000@a.example", "", "s1"))
                            .path("error")
                            .path("message")
                            .asText())
                    .isEqualTo("Missing passwd");
            JsonNode noParams = c.awaitResponse(send(c, "{\"jsonrpc\":\"2.0\",\"method\":\"login\",\"id\":77}", 77));
            assertThat(noParams.path("error").path("message").asText()).isEqualTo("Missing params");
            assertThat(c.call("verto.invite", params())
                            .path("error")
                            .path("code")
                            .asInt())
                    .isEqualTo(-32000);
            assertThat(c.isOpen()).isTrue();
            assertThat(c.call("login", loginParams("1000@A.EXAMPLE", "1234", "s1"))
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("logged in");
        }
    }

    @Test
    void anotherUserPresentingABoundSessidIsRefusedAndDropped() throws Exception {
        String sessid = UUID.randomUUID().toString();
        try (VertoTestClient owner = VertoTestClient.connect(island.uri());
                VertoTestClient thief = VertoTestClient.connect(island.uri())) {
            owner.call("login", loginParams("1000@a.example", "1234", sessid));
            JsonNode refused = thief.call("login", loginParams("1001@a.example", "1234", sessid));
            assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32001);
            assertThat(refused.path("error").path("message").asText()).isEqualTo("Session in use");
            assertThat(thief.awaitClose()).isEqualTo(1008);
            assertThat(owner.call("verto.ping", params())
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("PONG");
        }
    }

    @Test
    void theSameUserOnANewSocketTakesTheSessionOverAndTheOldOneIsPunted() throws Exception {
        String sessid = UUID.randomUUID().toString();
        try (VertoTestClient old = VertoTestClient.connect(island.uri());
                VertoTestClient fresh = VertoTestClient.connect(island.uri())) {
            old.call("login", loginParams("1000@a.example", "1234", sessid));
            fresh.call("login", loginParams("1000@a.example", "1234", sessid));
            old.awaitRequest("verto.punt");
            assertThat(old.awaitClose()).isEqualTo(1000);
            assertThat(island.connections().loggedIn()).isEqualTo(1);
        }
    }

    @Test
    void anIdleConnectionGetsVertoPingAndAnyInboundFrameRestartsTheCounter() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(island.uri())) {
            c.call("login", loginParams("1000@a.example", "1234", "s-ping"));
            JsonNode ping = c.awaitRequest("verto.ping");
            assertThat(ping.path("params").path("serno").asLong()).isGreaterThan(1_700_000_000L);
            c.reply(ping);
            assertThat(c.awaitRequest("verto.ping").path("id").asLong())
                    .isGreaterThan(ping.path("id").asLong());
        }
    }

    @Test
    void malformedFramesAndUnknownMethodsGetTheirErrorsAndTheConnectionStaysUsable() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(island.uri())) {
            c.sendRaw("{nope");
            JsonNode bad = c.await(m -> m.path("error").path("code").asInt() == -32600, "-32600");
            assertThat(bad.get("id").isNull()).isTrue();
            c.call("login", loginParams("1000@a.example", "1234", "s-bad"));
            assertThat(c.call("verto.nosuch", params())
                            .path("error")
                            .path("code")
                            .asInt())
                    .isEqualTo(-32601);
            assertThat(c.call("verto.media", params())
                            .path("error")
                            .path("code")
                            .asInt())
                    .isEqualTo(-32601);
            assertThat(c.call("echo", params().put("x", 1))
                            .path("result")
                            .path("x")
                            .asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void theSpeedTestChannelAnswersOnlyAuthenticatedConnections() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(island.uri())) {
            c.call("login", loginParams("1000@a.example", "1234", "s-speed"));
            c.sendRaw("#SPU 4096");
            c.sendRaw("#SPB " + ".".repeat(1000));
            c.sendRaw("#SPE");
            assertThat(c.awaitRaw("#SPU ")).matches("#SPU \\d+");
            assertThat(c.awaitRaw("#SPD ")).matches("#SPD \\d+");
        }
        try (VertoTestClient anonymous = VertoTestClient.connect(island.uri())) {
            anonymous.sendRaw("#SPU 10");
            assertThat(anonymous.awaitClose()).isEqualTo(1008);
        }
    }

    private static int send(VertoTestClient c, String raw, int id) {
        c.sendRaw(raw);
        return id;
    }
}
