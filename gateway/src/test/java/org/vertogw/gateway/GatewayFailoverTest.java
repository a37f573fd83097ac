package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.island.IslandState;
import org.vertogw.testing.VertoTestClient;

/** Island health: a killed island is marked down, its partition moves to the spare, and comes home again. */
class GatewayFailoverTest {

    GatewayFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new GatewayFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aKilledIslandIsMarkedDownItsUsersGoToTheSpareAndComeHomeWhenItReturns() throws Exception {
        String home = fx.islandOf("a.example");
        VertoTestClient onHome = VertoTestClient.connect(fx.wss());
        assertThat(onHome.call("login", loginParams("1000@a.example", "1234", "f-1"))
                        .path("result")
                        .path("gateway")
                        .path("island")
                        .asText())
                .isEqualTo(home);

        fx.kill(home);
        assertThat(onHome.awaitClose())
                .as("the session on the dead island is told to reconnect")
                .isEqualTo(1013);
        // sent away only once the probes judged the island, with a paced hint of when to log in again
        assertThat(fx.gateway.health().state(home)).isEqualTo(IslandState.DOWN);
        assertThat(onHome.closeReason()).matches("island " + home + " lost; retryAfterMs=\\d+");

        JsonNode map = new ObjectMapper().readTree(fx.get("/v1/partition-map").body());
        assertThat(map.path("islands").findValuesAsText("state")).contains("down");
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            JsonNode r = c.call("login", loginParams("1000@a.example", "1234", "f-1"));
            assertThat(r.path("result").path("gateway").path("island").asText()).isEqualTo("spare-1");
        }

        fx.restart(home);
        GatewayFixture.await(() -> fx.gateway.health().state(home) == IslandState.UP, home + " up again");
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            JsonNode r = c.call("login", loginParams("1001@a.example", "1234", "f-2"));
            assertThat(r.path("result").path("gateway").path("island").asText()).isEqualTo(home);
        }
    }

    @Test
    void withEveryIslandDownALoginGetsAClearErrorNotAHang() throws Exception {
        for (String id : fx.islands.keySet()) {
            fx.kill(id);
        }
        GatewayFixture.await(() -> fx.gateway.health().down().size() == 3, "all down");
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            JsonNode r = c.call("login", loginParams("1000@a.example", "1234", "f-3"));
            assertThat(r.path("error").path("code").asInt()).isEqualTo(-32011);
            assertThat(r.path("error").path("data").path("mapVersion").asLong()).isEqualTo(1);
        }
    }

    @Test
    void anIslandThatDiesBeforeItIsMarkedDownGivesIslandUnreachable() throws Exception {
        String home = fx.islandOf("b.example");
        fx.kill(home);
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            JsonNode r = c.call("login", loginParams("1000@b.example", "1234", "f-4"));
            if (r.has("error")) {
                assertThat(r.path("error").path("code").asInt()).isEqualTo(-32012);
                assertThat(r.path("error").path("data").path("island").asText()).isEqualTo(home);
            } else {
                assertThat(r.path("result").path("gateway").path("island").asText())
                        .isEqualTo("spare-1");
            }
        }
    }
}
