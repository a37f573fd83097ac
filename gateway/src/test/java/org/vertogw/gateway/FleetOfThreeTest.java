package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.HealthSettings;
import org.vertogw.gateway.fleet.Assignment;
import org.vertogw.gateway.island.IslandState;
import org.vertogw.testing.Await;
import org.vertogw.testing.EtcdCluster;
import org.vertogw.testing.TcpProxy;
import org.vertogw.testing.VertoTestClient;

/**
 * Three gateways of one fleet in process, on a real three-member etcd cluster, with the network between them and
 * their peers made of real TCP relays ({@link TcpProxy}): the island-health verdict is the majority's, the decision
 * is written once and followed by all three, and a gateway cut off from etcd by the network (its etcd connections
 * dropped, new ones blackholed; etcd itself keeps running) keeps serving its last state, says it is degraded,
 * leaves the public map when its lease runs out, decides nothing while the others decide, and catches up when the
 * network heals.
 */
class FleetOfThreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "a.example";
    private static EtcdCluster etcd;
    private final List<TcpProxy> proxies = new ArrayList<>();
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
        proxies.forEach(TcpProxy::close);
    }

    private static HealthSettings probesEvery(long ms) {
        return new HealthSettings(Duration.ofMillis(ms), Duration.ofMillis(500), 3, 2);
    }

    private void awaitJoined() {
        Await.until(
                "the three gateways joined",
                Duration.ofSeconds(20),
                () -> fx.gateways.values().stream()
                        .allMatch(g -> !g.fleet().degraded()
                                && g.fleet().state().members().size() == 3));
    }

    private Assignment.Placed placed(String gw, String home) {
        return fx.gw(gw).fleet().state().assignment().of(home);
    }

    private long decisions() {
        return fx.gateways.values().stream()
                .mapToLong(g -> g.metrics().fleet().decisions())
                .sum();
    }

    /**
     * The island's replies are slowed by a relay; each gateway probes at its own pace, and a probe unanswered by
     * the next tick is a miss, so the same slow island is down for the fast probers only: one of three first
     * (nothing moves), then two of three (the partition moves, decided once, by gw-a whose own probes still say up).
     */
    @Test
    void theFleetFollowsTheMajorityVerdictAndDecidesOnceForAll() throws Exception {
        TcpProxy[] slow = new TcpProxy[1];
        fx = new FleetFixture(etcd, (id, url) -> {
            if (!id.equals("fs-01")) {
                return url;
            }
            try {
                slow[0] = TcpProxy.to(url);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            proxies.add(slow[0]);
            return slow[0].url(url);
        });
        fx.start("gw-a", etcd.endpoints(), probesEvery(4000));
        fx.start("gw-b", etcd.endpoints(), probesEvery(1200));
        fx.start("gw-c", etcd.endpoints(), probesEvery(100));
        awaitJoined();
        Await.until(
                "every gateway finds fs-01 up",
                () -> fx.gateways.values().stream().allMatch(g -> g.health().state("fs-01") == IslandState.UP));
        assertThat(fx.gw("gw-a").fleet().deciding()).isTrue();

        // slower than gw-c's 100 ms tick, well within gw-b's 1.2 s and gw-a's 4 s
        slow[0].delayReplies(Duration.ofMillis(400));
        Await.until(
                "gw-c's own probes find fs-01 down",
                Duration.ofSeconds(15),
                () -> fx.gw("gw-c").health().state("fs-01") == IslandState.DOWN);
        Await.until(
                "the fleet hears gw-c's verdict",
                () -> "down"
                        .equals(fx.gw("gw-a")
                                .fleet()
                                .state()
                                .members()
                                .get("gw-c")
                                .verdicts()
                                .get("fs-01")));
        FleetFailoverTest.holds(
                "one gateway of three saying down moves nothing",
                Duration.ofSeconds(3),
                () -> fx.gateways.values().stream()
                        .allMatch(g -> g.fleet().down().isEmpty()
                                && placed(g.fleet().self(), "fs-01").island().equals("fs-01")));
        assertThat(decisions()).isZero();

        // now slower than gw-b's tick too, still within gw-a's
        slow[0].delayReplies(Duration.ofMillis(2400));
        BooleanSupplier allOnSpare = () -> fx.gateways.keySet().stream()
                .allMatch(g -> placed(g, "fs-01").island().equals("spare-1"));
        Await.until("two of three saying down move the partition", Duration.ofSeconds(20), allOnSpare);
        assertThat(fx.gw("gw-b").health().state("fs-01")).isEqualTo(IslandState.DOWN);
        assertThat(fx.gw("gw-a").health().state("fs-01"))
                .as("the decider's own probes still find fs-01 up; it follows the majority")
                .isEqualTo(IslandState.UP);
        for (String g : fx.gateways.keySet()) {
            assertThat(placed(g, "fs-01").epoch()).as(g).isEqualTo(1);
            assertThat(fx.gw(g).fleet().down()).as(g).isEqualTo(Set.of("fs-01"));
        }
        FleetFailoverTest.holds(
                "the decision is written once and stays",
                Duration.ofSeconds(1),
                () -> decisions() == 1 && allOnSpare.getAsBoolean());
        assertThat(fx.gw("gw-a").metrics().fleet().decisions())
                .as("the lowest id decided")
                .isEqualTo(1);
    }

    @Test
    void aGatewayCutOffFromEtcdByTheNetworkServesItsLastStateAndCatchesUp() throws Exception {
        fx = new FleetFixture(etcd);
        List<String> viaRelays = new ArrayList<>();
        for (String e : etcd.endpoints()) {
            TcpProxy p = TcpProxy.to(e);
            proxies.add(p);
            viaRelays.add(p.url(e));
        }
        // gw-a, the lowest id and so the decider, reaches etcd only through the relays
        fx.start("gw-a", viaRelays);
        fx.start("gw-b");
        fx.start("gw-c");
        awaitJoined();
        assertThat(fx.gw("gw-a").fleet().deciding()).isTrue();
        assertThat(fx.put(
                                "gw-b",
                                "/v1/admin/partition-map",
                                fx.mapText(2, Map.of(DOMAIN, "fs-01", "b.example", "fs-02"), null))
                        .statusCode())
                .isEqualTo(200);
        Await.until(
                "the three gateways have the pins",
                () -> fx.gateways.values().stream()
                        .allMatch(g -> g.router().map().version() == 2));
        String home = "fs-01";
        String other = "fs-02";
        String otherDomain = "b.example";
        String gwA = fx.gw("gw-a").wssUri().toString();
        Await.until(
                "gw-b's public map lists the three gateways",
                () -> publicGateways("gw-b").contains(gwA));
        assertThat(publicGateways("gw-b")).hasSize(3);

        proxies.forEach(TcpProxy::cut);
        Await.until("gw-a says it is degraded", Duration.ofSeconds(20), () -> "degraded".equals(health("gw-a")));
        assertThat(fx.get("gw-a", "/healthz").statusCode()).isEqualTo(200);
        assertThat(fx.get("gw-a", "/metrics").body()).contains("verto_gateway_fleet_connected 0");
        assertThat(fx.gw("gw-a").fleet().deciding()).isFalse();
        Await.until(
                "gw-a's lease runs out: the others' public map drops it",
                Duration.ofSeconds(20),
                () -> !publicGateways("gw-b").contains(gwA)
                        && !publicGateways("gw-c").contains(gwA));
        assertThat(publicGateways("gw-b")).hasSize(2);
        Await.until("gw-b says it is connected", () -> "connected".equals(health("gw-b")));
        assertThat(fx.get("gw-b", "/metrics").body()).contains("verto_gateway_fleet_connected 1");
        try (VertoTestClient c = VertoTestClient.connect(fx.gw("gw-a").wssUri())) {
            assertThat(login(c, "1000@" + otherDomain, "cut-1"))
                    .as("the cut-off gateway keeps serving logins")
                    .isEqualTo(other);
        }

        fx.killIsland(home);
        Await.until(
                "gw-b, now the decider, moves the partition and gw-c follows",
                Duration.ofSeconds(20),
                () -> placed("gw-b", home).island().equals("spare-1")
                        && placed("gw-c", home).island().equals("spare-1"));
        assertThat(fx.gw("gw-b").metrics().fleet().decisions()).isEqualTo(1);
        FleetFailoverTest.holds(
                "the cut-off gateway decides nothing and keeps the last state it read",
                Duration.ofSeconds(2),
                () -> fx.gw("gw-a").metrics().fleet().decisions() == 0
                        && placed("gw-a", home).island().equals(home)
                        && fx.gw("gw-a").fleet().degraded());

        proxies.forEach(TcpProxy::heal);
        Await.until(
                "gw-a is back and follows the fleet's decision",
                Duration.ofSeconds(30),
                () -> !fx.gw("gw-a").fleet().degraded() && placed("gw-a", home).equals(placed("gw-b", home)));
        assertThat(placed("gw-a", home).island()).isEqualTo("spare-1");
        assertThat(placed("gw-a", home).epoch()).isEqualTo(1);
        Await.until("gw-a is listed again", () -> publicGateways("gw-b").contains(gwA));
        Await.until("gw-a says it is connected again", () -> "connected".equals(health("gw-a")));
        try (VertoTestClient c = VertoTestClient.connect(fx.gw("gw-a").wssUri())) {
            assertThat(login(c, "1000@" + DOMAIN, "cut-2")).isEqualTo("spare-1");
        }
        assertThat(decisions()).as("one decision in all").isEqualTo(1);
    }

    private List<String> publicGateways(String gw) {
        try {
            List<String> out = new ArrayList<>();
            JSON.readTree(fx.get(gw, "/v1/partition-map").body())
                    .path("gateways")
                    .forEach(n -> out.add(n.asText()));
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    private String health(String gw) {
        try {
            return JSON.readTree(fx.get(gw, "/healthz").body()).path("fleet").asText();
        } catch (Exception e) {
            return "unanswered: " + e; // a loaded machine may let one request time out; callers await
        }
    }

    private static String login(VertoTestClient c, String login, String sessid) throws InterruptedException {
        JsonNode r = c.call("login", loginParams(login, "1234", sessid));
        return r.path("result").path("gateway").path("island").asText(r.toString());
    }
}
