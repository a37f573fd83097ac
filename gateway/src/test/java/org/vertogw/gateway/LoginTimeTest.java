package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.loginParams;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.island.IslandState;
import org.vertogw.testing.Await;
import org.vertogw.testing.MetricsText;
import org.vertogw.testing.TcpProxy;
import org.vertogw.testing.VertoTestClient;

/**
 * The login time histograms split a login between the island and the gateway: with the island's answers held
 * 300 ms by a relay in front of it, the island's part holds those 300 ms, and the whole holds the island's part.
 */
class LoginTimeTest {

    private static final long HELD_MS = 300;

    @Test
    void theIslandsPartOfALoginIsMeasuredApartFromTheWhole() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(b -> b.health(GatewayFixture.PATIENT_HEALTH));
                TcpProxy relay = TcpProxy.to(fx.islands.get("fs-01").uri().toString())) {
            String body = "{\"version\":2,\"islands\":[{\"id\":\"fs-01\",\"verto\":\""
                    + relay.url(fx.islands.get("fs-01").uri().toString()) + "\"}]}";
            var put = fx.send(HttpRequest.newBuilder(fx.gateway.httpsUri().resolve("/v1/admin/partition-map"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            Await.until("fs-01 up through the relay", () -> fx.gateway.health().state("fs-01") == IslandState.UP);
            double[] before = {sum(fx, "verto_gateway_login_island_seconds"), sum(fx, "verto_gateway_login_seconds")};
            long counted = count(fx, "verto_gateway_login_seconds");

            relay.delayReplies(Duration.ofMillis(HELD_MS));
            try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
                assertThat(c.call("login", loginParams("1000@a.example", "1234", "lt-" + UUID.randomUUID()))
                                .has("result"))
                        .isTrue();
            }

            // observed once the answer is on its way to the browser, which may read it first
            Await.until("the login observed", () -> count(fx, "verto_gateway_login_seconds") == counted + 1);
            assertThat(count(fx, "verto_gateway_login_island_seconds")).isEqualTo(counted + 1);
            double island = sum(fx, "verto_gateway_login_island_seconds") - before[0];
            double whole = sum(fx, "verto_gateway_login_seconds") - before[1];
            assertThat(island).isGreaterThanOrEqualTo(HELD_MS / 1000.0);
            assertThat(whole).isGreaterThanOrEqualTo(island);
        }
    }

    private static double sum(GatewayFixture fx, String histogram) {
        return sample(fx, histogram + "_sum");
    }

    private static long count(GatewayFixture fx, String histogram) {
        return (long) sample(fx, histogram + "_count");
    }

    private static double sample(GatewayFixture fx, String series) {
        String text;
        try {
            text = fx.get("/metrics").body();
        } catch (Exception e) {
            throw new IllegalStateException("GET /metrics", e);
        }
        OptionalDouble v = MetricsText.sample(text, series);
        assertThat(v).as(series).isPresent();
        return v.getAsDouble();
    }
}
