package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertogw.testing.Await;
import org.vertogw.testing.EtcdCluster;
import org.vertogw.testing.VertoTestClient;

/**
 * A fleet losing etcd, on a real three-member cluster of its own: a gateway cut off keeps serving its last state,
 * says it is degraded and decides nothing while the others decide; a member killed and restarted and the whole
 * cluster restarted leave the fleet working again without restarting a gateway.
 */
class FleetEtcdLossTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private EtcdCluster etcd;
    private FleetFixture fx;

    @BeforeEach
    void cluster() throws Exception {
        assumeTrue(EtcdCluster.available(), "etcd-server is not installed (test.sh installs it)");
        etcd = EtcdCluster.start(3);
        fx = new FleetFixture(etcd);
    }

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
        if (etcd != null) {
            etcd.close();
        }
    }

    private void awaitJoined() {
        Await.until(
                "the gateways joined",
                Duration.ofSeconds(20),
                () -> fx.gateways.values().stream()
                        .allMatch(g -> !g.fleet().degraded()
                                && g.fleet().state().members().size() == fx.gateways.size()));
    }

    private String health(String gw) throws Exception {
        return JSON.readTree(fx.get(gw, "/healthz").body()).path("fleet").asText();
    }

    @Test
    void aGatewayCutOffFromEtcdKeepsServingAndDecidesNothingWhileTheOthersDecide() throws Exception {
        fx.start("gw-a", List.of(etcd.endpoint(2)));
        fx.start("gw-b", List.of(etcd.endpoint(0), etcd.endpoint(1)));
        awaitJoined();
        assertThat(fx.gw("gw-a").fleet().deciding()).isTrue();
        assertThat(fx.put(
                                "gw-b",
                                "/v1/admin/partition-map",
                                fx.mapText(2, Map.of("a.example", "fs-01", "b.example", "fs-02"), null))
                        .statusCode())
                .isEqualTo(200);
        Await.until(
                "both gateways have the pins",
                () -> fx.gateways.values().stream()
                        .allMatch(g -> g.router().map().version() == 2));
        String home = "fs-01";
        String other = "fs-02";
        String otherDomain = "b.example";

        etcd.kill(2);
        Await.until("gw-a says it is degraded", Duration.ofSeconds(20), () -> {
            try {
                return health("gw-a").equals("degraded");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(fx.gw("gw-a").fleet().deciding()).isFalse();
        assertThat(fx.get("gw-a", "/healthz").statusCode()).isEqualTo(200);
        try (VertoTestClient c = VertoTestClient.connect(fx.gw("gw-a").wssUri())) {
            com.fasterxml.jackson.databind.JsonNode r =
                    c.call("login", loginParams("1000@" + otherDomain, "1234", "cut-1"));
            assertThat(r.path("result").path("gateway").path("island").asText("?"))
                    .as("a degraded gateway keeps serving: " + r)
                    .isEqualTo(other);
        }

        fx.killIsland(home);
        Await.until(
                "gw-b, now the decider, moves the partition",
                Duration.ofSeconds(20),
                () -> fx.gw("gw-b")
                        .fleet()
                        .state()
                        .assignment()
                        .of(home)
                        .island()
                        .equals("spare-1"));
        assertThat(fx.gw("gw-a").metrics().fleet().decisions())
                .as("the cut-off gateway decided nothing")
                .isZero();
        assertThat(fx.gw("gw-a").fleet().state().assignment().of(home).island())
                .as("the cut-off gateway keeps the last state it read")
                .isEqualTo(home);
        // the operator console says the same: gw-a degraded; on gw-b the spare's takeover, with its epoch and pins
        com.fasterxml.jackson.databind.JsonNode cut =
                JSON.readTree(fx.get("gw-a", "/v1/admin/console").body());
        assertThat(cut.path("mode").asText()).isEqualTo("fleet");
        assertThat(cut.path("health").asText()).isEqualTo("degraded");
        assertThat(cut.path("gateways").path("gw-a").path("health").asText()).isEqualTo("degraded");
        com.fasterxml.jackson.databind.JsonNode view =
                JSON.readTree(fx.get("gw-b", "/v1/admin/console").body());
        assertThat(view.path("health").asText()).isEqualTo("serving");
        assertThat(view.path("partitions").path(home).path("island").asText()).isEqualTo("spare-1");
        assertThat(view.path("partitions").path(home).path("takeover").asBoolean())
                .isTrue();
        assertThat(view.path("partitions").path(home).path("epoch").asLong()).isPositive();
        assertThat(view.path("partitions").path(other).path("takeover").asBoolean())
                .isFalse();
        assertThat(view.path("islands").path(home).path("verdict").asText()).isEqualTo("down");
        assertThat(view.path("islands").path(other).path("domains").toString()).contains("b.example");

        etcd.restart(2);
        Await.until(
                "gw-a is back and reads the fleet's decision",
                Duration.ofSeconds(30),
                () -> !fx.gw("gw-a").fleet().degraded()
                        && fx.gw("gw-a")
                                .fleet()
                                .state()
                                .assignment()
                                .of(home)
                                .island()
                                .equals("spare-1"));
        try (VertoTestClient c = VertoTestClient.connect(fx.gw("gw-a").wssUri())) {
            assertThat(c.call("login", loginParams("1000@a.example", "1234", "cut-2"))
                            .path("result")
                            .path("gateway")
                            .path("island")
                            .asText())
                    .isEqualTo("spare-1");
        }
    }

    @Test
    void aMemberKilledAndRestartedAndTheWholeClusterRestartedLeaveTheFleetWorking() throws Exception {
        fx.start("gw-a");
        fx.start("gw-b");
        awaitJoined();

        etcd.kill(0);
        // a write that meets the dead member may be answered 503 (landed or not); the operator's retry settles it
        Await.until("a map PUT lands with a member down", () -> put("gw-a", 2) == 200 || version("gw-a") == 2);
        Await.until(
                "gw-b serves version 2 with a member down",
                () -> fx.gw("gw-b").router().map().version() == 2);
        etcd.restart(0);

        etcd.killAll();
        Await.until(
                "both gateways say they are degraded",
                Duration.ofSeconds(20),
                () -> fx.gateways.values().stream().allMatch(g -> g.fleet().degraded()));
        assertThat(fx.put("gw-b", "/v1/admin/partition-map", fx.mapText(3, null))
                        .statusCode())
                .isEqualTo(503);
        assertThat(fx.gw("gw-a").router().map().version())
                .as("the last state is kept")
                .isEqualTo(2);

        etcd.startAll();
        awaitJoined();
        // the write refused during the outage may still land (etcd answered neither way): write past it
        Await.until("a map PUT lands after the cluster's restart", () -> put("gw-b", 4) == 200 || version("gw-b") == 4);
        Await.until(
                "gw-a serves version 4 after the cluster's restart",
                () -> fx.gw("gw-a").router().map().version() == 4);
    }

    private long version(String gw) {
        return fx.gw(gw).router().map().version();
    }

    private int put(String gw, long version) {
        try {
            return fx.put(gw, "/v1/admin/partition-map", fx.mapText(version, null))
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
