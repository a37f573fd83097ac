package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.loginParams;
import static org.vertogw.testing.VertoTestClient.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.Limits;
import org.vertogw.testing.VertoTestClient;

/** The login path through a real gateway over WSS to real islands. */
class GatewayLoginTest {

    static GatewayFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new GatewayFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void theLoginDanceIsAnsweredByTheGatewayAndTheCredentialsByTheRightIsland() throws Exception {
        String sessid = UUID.randomUUID().toString();
        int warm = Limits.defaults().warmLinksPerIsland();
        // the pool may still be opening warm links when the islands are first up: count from its steady state
        GatewayFixture.await(
                () -> fx.islands.keySet().stream()
                        .allMatch(id -> fx.gateway.warmLinks(id) == warm
                                && fx.islands.get(id).connections().open() == warm + 1),
                "every island holds the gateway's warm links and its probe, nothing more");
        int upstreamBefore = fx.islands.values().stream()
                .mapToInt(i -> i.connections().open())
                .sum();
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            int two = c.request("login", params().put("sessid", sessid));
            int one = c.request("login", params().put("sessid", sessid));
            assertThat(c.awaitResponse(two).path("error").path("code").asInt()).isEqualTo(-32000);
            assertThat(c.awaitResponse(one).path("error").path("message").asText())
                    .isEqualTo("Authentication Required");
            assertThat(fx.islands.values().stream()
                            .mapToInt(i -> i.connections().open())
                            .sum())
                    .as("no upstream link before credentials")
                    .isEqualTo(upstreamBefore);

            JsonNode ok = c.call("login", loginParams("1000@a.example", "1234", sessid));
            assertThat(ok.path("result").path("message").asText()).isEqualTo("logged in");
            assertThat(ok.path("result").path("sessid").asText()).isEqualTo(sessid);
            String island = fx.islandOf("a.example");
            assertThat(ok.path("result").path("gateway").path("island").asText())
                    .isEqualTo(island);
            assertThat(ok.path("result").path("gateway").path("mapVersion").asLong())
                    .isEqualTo(1);
            assertThat(c.awaitRequest("verto.clientReady")
                            .path("params")
                            .path("reattached_sessions")
                            .isArray())
                    .isTrue();
            assertThat(fx.islands.get(island).connections().loggedIn()).isEqualTo(1);
            assertThat(c.call("verto.ping", params().put("sessid", sessid))
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("PONG");
        }
    }

    @Test
    void aWrongPasswordComesBackFromTheIslandAndTheConnectionStaysUsable() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            JsonNode bad = c.call("login", loginParams("1001@a.example", "nope", "s-wrong"));
            assertThat(bad.path("error").path("code").asInt()).isEqualTo(-32001);
            assertThat(bad.path("error").path("message").asText()).isEqualTo("Authentication Failure");
            assertThat(c.call("verto.invite", params())
                            .path("error")
                            .path("code")
                            .asInt())
                    .isEqualTo(-32000);
            JsonNode good = c.call("login", loginParams("1001@a.example", "1234", "s-wrong"));
            assertThat(good.path("result").path("message").asText()).isEqualTo("logged in");
        }
    }

    @Test
    void aLoginWithoutADomainCannotBeRouted() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            JsonNode r = c.call("login", loginParams("1000", "1234", "s-nodomain"));
            assertThat(r.path("error").path("message").asText()).isEqualTo("Missing or improper credentials");
        }
    }

    @Test
    void aClientThatCameForAnotherIslandIsToldTheRightOneAndTheMapVersion() throws Exception {
        String right = fx.islandOf("b.example");
        String wrong = right.equals("fs-01") ? "fs-02" : "fs-01";
        try (VertoTestClient c = VertoTestClient.connect(fx.wss(wrong))) {
            JsonNode r = c.call("login", loginParams("1000@b.example", "1234", "s-wrong-island"));
            assertThat(r.path("error").path("code").asInt()).isEqualTo(-32010);
            assertThat(r.path("error").path("data").path("island").asText()).isEqualTo(right);
            assertThat(r.path("error").path("data").path("mapVersion").asLong()).isEqualTo(1);
        }
        try (VertoTestClient c = VertoTestClient.connect(fx.wss(right))) {
            assertThat(c.call("login", loginParams("1000@b.example", "1234", "s-wrong-island"))
                            .has("result"))
                    .isTrue();
        }
    }

    @Test
    void aSessidBoundToOneUserIsRefusedToAnotherAndNothingLeaks() throws Exception {
        String sessid = UUID.randomUUID().toString();
        try (VertoTestClient owner = VertoTestClient.connect(fx.wss());
                VertoTestClient thief = VertoTestClient.connect(fx.wss())) {
            owner.call("login", loginParams("1002@a.example", "1234", sessid));
            JsonNode r = thief.call("login", loginParams("1003@a.example", "1234", sessid));
            assertThat(r.path("error").path("code").asInt()).isEqualTo(-32001);
            assertThat(r.path("error").path("message").asText()).isEqualTo("Session in use");
            assertThat(thief.awaitClose()).isEqualTo(1008);
            assertThat(owner.call("verto.ping", params())
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("PONG");
            GatewayFixture.await(
                    () -> fx.gateway.edge().sessions().stream().noneMatch(s -> "1003@a.example".equals(s.login())),
                    "the refused session released");
        }
    }

    @Test
    void aRequestNamingAnotherSessidIsRefused() throws Exception {
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            c.call("login", loginParams("1004@a.example", "1234", "s-mine"));
            JsonNode r = c.call("verto.ping", params().put("sessid", "someone-elses"));
            assertThat(r.path("error").path("code").asInt()).isEqualTo(-32602);
        }
    }

    @Test
    void theSameUserOnANewSocketTakesTheSessionOverAndTheOldSocketIsPunted() throws Exception {
        String sessid = UUID.randomUUID().toString();
        try (VertoTestClient old = VertoTestClient.connect(fx.wss());
                VertoTestClient fresh = VertoTestClient.connect(fx.wss())) {
            old.call("login", loginParams("1005@a.example", "1234", sessid));
            assertThat(fresh.call("login", loginParams("1005@a.example", "1234", sessid))
                            .has("result"))
                    .isTrue();
            old.awaitRequest("verto.punt");
            assertThat(old.awaitClose()).isEqualTo(1000);
            assertThat(fresh.call("verto.ping", params())
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("PONG");
        }
    }
}
