package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vertogw.testing.VertoTestClient.callParams;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.fleet.Assignment;
import org.vertogw.testing.Await;
import org.vertogw.testing.EtcdCluster;
import org.vertogw.testing.VertoTestClient;

/**
 * Failover and failback decided once for a fleet of two gateways on a real etcd cluster: a dead island's partition
 * moves whole to the spare in one epoch for every gateway, and comes back under the map's failback policy; a
 * checker samples the domain's sessions throughout and bounds the time two islands served it at once.
 */
class FleetFailoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "a.example";
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

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    /** Two gateways of a fleet whose map carries {@code failback}; returns the domain's home island. */
    private String fleet(String failback) throws Exception {
        fx = new FleetFixture(etcd);
        fx.start("gw-a");
        fx.start("gw-b");
        Await.until(
                "both gateways joined",
                () -> fx.gateways.values().stream()
                        .allMatch(g -> !g.fleet().degraded()
                                && g.fleet().state().members().size() == 2));
        // 503 is a write not tried: gw-b may not have read the fleet's map yet (it joins before it reads)
        int[] status = {0};
        Await.until("gw-b takes the map once it has read the fleet's", () -> {
            try {
                status[0] = fx.put("gw-b", "/v1/admin/partition-map", fx.mapText(2, failback))
                        .statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return status[0] != 503;
        });
        assertThat(status[0]).isEqualTo(200);
        Await.until(
                "both gateways apply the failback policy",
                () -> fx.gateways.values().stream()
                        .allMatch(g -> g.router().map().version() == 2));
        return fx.gw("gw-a").router().route("1000", DOMAIN).route().home();
    }

    private Assignment.Placed placed(String gw, String home) {
        return fx.gw(gw).fleet().state().assignment().of(home);
    }

    private BooleanSupplier everyGatewayPlaces(String home, String island) {
        return () -> fx.gateways.keySet().stream()
                .allMatch(g -> placed(g, home).island().equals(island));
    }

    private static String login(VertoTestClient c, String user, String sessid) throws InterruptedException {
        JsonNode r = c.call("login", loginParams(user + "@" + DOMAIN, "1234", sessid));
        return r.path("result").path("gateway").path("island").asText(r.toString());
    }

    @Test
    void aKilledIslandsPartitionMovesWholeToTheSpareInOneEpochAndWhenIdleBringsItBackAfterTheLastCall()
            throws Exception {
        String home = fleet("\"failback\":{\"policy\":\"when-idle\",\"homeUpForMs\":300}");
        try (DomainChecker checker = new DomainChecker(fx.gateways.values(), DOMAIN);
                VertoTestClient viaA = VertoTestClient.connect(fx.gw("gw-a").wssUri());
                VertoTestClient viaB = VertoTestClient.connect(fx.gw("gw-b").wssUri())) {
            assertThat(login(viaA, "1000", "fa-1")).isEqualTo(home);
            assertThat(login(viaB, "1001", "fb-1")).isEqualTo(home);

            fx.killIsland(home);
            Await.until(
                    "every gateway places the partition on the spare",
                    Duration.ofSeconds(15),
                    everyGatewayPlaces(home, "spare-1"));
            assertThat(placed("gw-a", home)).isEqualTo(placed("gw-b", home));
            assertThat(placed("gw-a", home).epoch()).isEqualTo(1);
            // the islands' route lookups follow the fleet's assignment too (docs/operations.md, "Calls across islands")
            assertThat(fx.get("gw-b", "/v1/route?user=1000&domain=" + DOMAIN + "&format=text")
                            .body())
                    .startsWith("spare-1 ");
            assertThat(viaA.awaitClose()).isEqualTo(1013);
            assertThat(viaB.awaitClose()).isEqualTo(1013);

            try (VertoTestClient againA = VertoTestClient.connect(fx.gw("gw-a").wssUri());
                    VertoTestClient againB =
                            VertoTestClient.connect(fx.gw("gw-b").wssUri())) {
                assertThat(login(againA, "1000", "fa-2")).isEqualTo("spare-1");
                assertThat(login(againB, "1001", "fb-2")).isEqualTo("spare-1");
                String callId = UUID.randomUUID().toString();
                assertThat(againB.call("verto.invite", inviteParams(callId, "9196", "fb-2", VertoTestClient.OFFER))
                                .has("result"))
                        .isTrue();
                againB.awaitRequest("verto.answer", callId);
                Await.until(
                        "the fleet counts the call on the spare",
                        () -> fx.gw("gw-a")
                                        .fleet()
                                        .state()
                                        .members()
                                        .get("gw-b")
                                        .calls("spare-1", home)
                                == 1);

                fx.restartIsland(home);
                Await.until(
                        "the fleet finds " + home + " up",
                        Duration.ofSeconds(15),
                        () -> fx.gateways.values().stream()
                                .noneMatch(g -> g.fleet().down().contains(home)));
                // home has been up for longer than homeUpForMs (300 ms) while the call lasts: the partition stays
                holds(
                        "the partition stays on the spare while its call is active",
                        Duration.ofSeconds(2),
                        everyGatewayPlaces(home, "spare-1"));

                assertThat(againB.call("verto.bye", callParams(callId, "fb-2")).has("result"))
                        .isTrue();
                Await.until(
                        "the partition goes home, whole, once idle",
                        Duration.ofSeconds(15),
                        everyGatewayPlaces(home, home));
                assertThat(placed("gw-a", home).epoch()).isEqualTo(2);
                assertThat(againA.awaitClose()).isEqualTo(1013);
                assertThat(againA.closeReason())
                        .isEqualTo("partition " + home + " moved to " + home + "; retryAfterMs=0");
                assertThat(againB.awaitClose()).isEqualTo(1013);
            }
            try (VertoTestClient homeA = VertoTestClient.connect(fx.gw("gw-a").wssUri());
                    VertoTestClient homeB =
                            VertoTestClient.connect(fx.gw("gw-b").wssUri())) {
                assertThat(login(homeA, "1000", "fa-3")).isEqualTo(home);
                assertThat(login(homeB, "1001", "fb-3")).isEqualTo(home);
            }
            assertThat(checker.samples()).isGreaterThan(10);
            assertThat(checker.longestSplitMs())
                    .as("the longest time two islands served " + DOMAIN + " at once")
                    .isLessThan(1000);
            System.out.println("cut-over window (two islands serving " + DOMAIN + "): " + checker.longestSplitMs()
                    + " ms over " + checker.samples() + " samples");
        }
    }

    @Test
    void underManualFailbackOnlyAnAdminCallBringsThePartitionHome() throws Exception {
        String home = fleet("\"failback\":{\"policy\":\"manual\",\"homeUpForMs\":0}");
        fx.killIsland(home);
        Await.until("the partition fails over", Duration.ofSeconds(15), everyGatewayPlaces(home, "spare-1"));
        fx.restartIsland(home);
        Await.until(
                "the fleet finds " + home + " up",
                Duration.ofSeconds(15),
                () -> fx.gateways.values().stream()
                        .noneMatch(g -> g.fleet().down().contains(home)));
        holds("the partition stays on the spare", Duration.ofSeconds(2), everyGatewayPlaces(home, "spare-1"));

        var r = fx.post("gw-b", "/v1/admin/move", "{\"partition\":\"" + home + "\",\"island\":\"" + home + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Await.until("both gateways place it home", everyGatewayPlaces(home, home));
        assertThat(placed("gw-a", home).epoch()).isEqualTo(2);

        JsonNode view = JSON.readTree(fx.get("gw-a", "/v1/admin/fleet").body());
        assertThat(view.path("partitions").path(home).path("island").asText()).isEqualTo(home);
        assertThat(view.path("partitions").path(home).path("epoch").asLong()).isEqualTo(2);
        assertThat(view.path("failback").asText()).isEqualTo("manual");
        assertThat(view.path("gateways").has("gw-a")).isTrue();
        assertThat(view.path("gateways").has("gw-b")).isTrue();
        assertThat(view.path("islands").path(home).path("fleet").asText()).isEqualTo("up");
        assertThat(view.path("islands").path(home).path("gateways").path("gw-b").asText())
                .isEqualTo("up");

        assertThat(fx.post("gw-a", "/v1/admin/move", "{\"partition\":\"nope\",\"island\":\"fs-02\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSessidBoundToOneUserIsRefusedToAnotherThroughAnotherGateway() throws Exception {
        fleet(null);
        String sessid = UUID.randomUUID().toString();
        try (VertoTestClient owner = VertoTestClient.connect(fx.gw("gw-a").wssUri());
                VertoTestClient thief = VertoTestClient.connect(fx.gw("gw-b").wssUri())) {
            login(owner, "1002", sessid);
            JsonNode r = thief.call("login", loginParams("1003@" + DOMAIN, "1234", sessid));
            assertThat(r.path("error").path("message").asText()).isEqualTo("Session in use");
            assertThat(owner.call("verto.ping", VertoTestClient.params())
                            .path("result")
                            .path("message")
                            .asText())
                    .isEqualTo("PONG");
        }
    }

    /** Asserts {@code condition} throughout {@code period}, sampled every 20 ms. */
    static void holds(String what, Duration period, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            assertThat(condition.getAsBoolean()).as(what).isTrue();
            Thread.sleep(20); // the sampling period of an assertion that must hold throughout, not a wait
        }
    }
}
