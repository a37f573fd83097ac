package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertogw.testing.Await;
import org.vertogw.testing.EtcdCluster;

/**
 * The fleet's shared partition map and membership, on a real three-member etcd cluster with two gateways: a map
 * written through one is served by the other within a second, a stale write is refused, the public map lists the
 * live gateways, and a gateway that has not read the fleet refuses to write.
 */
class FleetMapTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EtcdCluster etcd;
    private FleetFixture fx;

    @BeforeAll
    static void cluster() throws Exception {
        assumeTrue(EtcdCluster.available(), "etcd-server is not installed (test.sh installs it)");
        etcd = EtcdCluster.start(3);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (etcd != null) {
            etcd.close();
        }
    }

    @BeforeEach
    void fleet() throws Exception {
        fx = new FleetFixture(etcd);
        fx.start("gw-a");
        fx.start("gw-b");
        Await.until(
                "both gateways have read the fleet",
                () -> fx.gateways.values().stream()
                        .allMatch(g -> !g.fleet().degraded()
                                && g.fleet().state().members().size() == 2));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aMapPutThroughOneGatewayIsServedByTheOtherWithinASecond() throws Exception {
        HttpResponse<String> r = fx.put("gw-a", "/v1/admin/partition-map", fx.mapText(2, null));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        long written = System.nanoTime();
        Await.until(
                "gw-b serves version 2",
                Duration.ofSeconds(1),
                () -> fx.gw("gw-b").router().map().version() == 2);
        long servedMs = (System.nanoTime() - written) / 1_000_000;
        assertThat(servedMs).isLessThan(1000);
        JsonNode publicMap = JSON.readTree(fx.get("gw-b", "/v1/partition-map").body());
        assertThat(publicMap.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aStaleWriteIsRefusedWith409AndChangesNothing() throws Exception {
        assertThat(fx.put("gw-a", "/v1/admin/partition-map", fx.mapText(5, null))
                        .statusCode())
                .isEqualTo(200);
        Await.until("gw-b has version 5", () -> fx.gw("gw-b").router().map().version() == 5);
        HttpResponse<String> stale = fx.put("gw-b", "/v1/admin/partition-map", fx.mapText(4, null));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).path("error").asText())
                .contains("stale")
                .contains("version 4 does not grow past the fleet's version 5");
        assertThat(fx.gw("gw-a").router().map().version()).isEqualTo(5);
    }

    @Test
    void aBadMapIsRefusedWith400NamingTheFieldAndNeverReachesTheFleet() throws Exception {
        HttpResponse<String> r =
                fx.put("gw-a", "/v1/admin/partition-map", fx.mapText(3, "\"failback\":{\"policy\":\"never\"}"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("failback.policy");
        assertThat(fx.gw("gw-b").router().map().version()).isEqualTo(1);
    }

    @Test
    void thePublicMapListsTheLiveGatewaysAndDropsOneThatLeaves() throws Exception {
        String a = fx.gw("gw-a").wssUri().toString();
        String b = fx.gw("gw-b").wssUri().toString();
        assertThat(gatewaysIn("gw-a")).containsExactlyInAnyOrder(a, b);
        fx.stopGateway("gw-b");
        Await.until("gw-a no longer lists gw-b", () -> gatewaysIn("gw-a").equals(List.of(a)));
    }

    @Test
    void aGatewayThatHasNotReadTheFleetRefusesToWriteAndSaysItIsDegraded() throws Exception {
        fx.start("gw-lost", List.of("http://127.0.0.1:" + closedPort()));
        HttpResponse<String> r = fx.put("gw-lost", "/v1/admin/partition-map", fx.mapText(9, null));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("not read yet");
        JsonNode health = JSON.readTree(fx.get("gw-lost", "/healthz").body());
        assertThat(health.path("fleet").asText()).isEqualTo("degraded");
        assertThat(health.path("status").asText()).isEqualTo("serving");
        assertThat(fx.get("gw-lost", "/metrics").body()).contains("verto_gateway_fleet_connected 0.0");
        assertThat(fx.get("gw-a", "/metrics").body()).contains("verto_gateway_fleet_connected 1.0");
    }

    private List<String> gatewaysIn(String gw) {
        try {
            List<String> out = new ArrayList<>();
            JSON.readTree(fx.get(gw, "/v1/partition-map").body())
                    .path("gateways")
                    .forEach(n -> out.add(n.asText()));
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
