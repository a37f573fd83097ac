package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.island.IslandState;
import org.vertogw.island.HttpIslandRoutes;
import org.vertogw.island.IslandRoute;

/**
 * An island's route lookups against a running gateway's {@code /v1/route} over HTTPS (docs/operations.md, "Calls
 * across islands"): the serving island with its verto URL, the spare once the home island is down, and a wrong
 * token failing the lookup.
 */
class IslandRouteLookupTest {

    private static final String ROUTE_TOKEN = "route-token-0123456789";
    private GatewayFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new GatewayFixture(b -> b.routeToken(ROUTE_TOKEN));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void anIslandLearnsTheServingIslandAndTheSpareOnceTheHomeIsDown() throws Exception {
        HttpIslandRoutes routes = new HttpIslandRoutes(fx.gateway.httpsUri(), ROUTE_TOKEN, true);
        String home = fx.islandOf("a.example");
        IslandRoute r = routes.lookup("1000", "a.example").get(10, TimeUnit.SECONDS);
        assertThat(r).isEqualTo(new IslandRoute(home, fx.islands.get(home).uri().toString()));

        fx.kill(home);
        GatewayFixture.await(() -> fx.gateway.health().state(home) == IslandState.DOWN, home + " down");
        assertThat(routes.lookup("1000", "a.example").get(10, TimeUnit.SECONDS).island())
                .isEqualTo("spare-1");
    }

    @Test
    void aWrongTokenFailsTheLookup() {
        HttpIslandRoutes routes = new HttpIslandRoutes(fx.gateway.httpsUri(), "wrong-token-0123456789", true);
        assertThatThrownBy(() -> routes.lookup("1000", "a.example").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("401");
    }
}
