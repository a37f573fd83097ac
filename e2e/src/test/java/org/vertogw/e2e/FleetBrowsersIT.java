package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vertogw.e2e.harness.Cluster;
import org.vertogw.e2e.page.SoftphonePage;
import org.vertogw.testing.Chromium;
import org.vertogw.testing.EtcdCluster;
import org.vertogw.testing.InsecureHttp;

/**
 * Three softphones of one domain in headless Chromium, logged in through the two gateways of a fleet on a real
 * three-member etcd cluster (docs/operations.md, "Fleet on etcd"), failback {@code when-idle}: their island is
 * killed and all three end on the spare; it comes back, and once it has been up for {@code homeUpForMs} with no
 * call of the domain active, all three go home together. At every step the pages and both gateways' admin API agree that
 * one island serves the domain.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class FleetBrowsersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = InsecureHttp.client();
    private static final String DOMAIN = "b.example";
    private static final long HOME_UP_FOR_MS = 1000;
    private static EtcdCluster etcd;
    private static Cluster cluster;
    private final List<Chromium> browsers = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        if (!EtcdCluster.available()) {
            return;
        }
        Files.createDirectories(ClusterTestBase.out("."));
        etcd = EtcdCluster.start(3);
        cluster = new Cluster(Files.createTempDirectory(ClusterTestBase.out("."), "cluster-fleet-"))
                .inFleet(etcd, "when-idle", HOME_UP_FOR_MS)
                .start(2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (etcd != null) {
            etcd.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Chromium::close);
    }

    private SoftphonePage page(int gateway) throws Exception {
        Chromium b = new Chromium();
        browsers.add(b);
        return new SoftphonePage(b).open(cluster.gatewayUrl(gateway));
    }

    @Test
    void threeBrowsersOfOneDomainShareOneIslandThroughFailoverAndWhenIdleFailback() throws Exception {
        assumeTrue(etcd != null, "etcd-server is not installed");
        SoftphonePage alice = page(0).login("1010@" + DOMAIN, ClusterTestBase.PASSWORD);
        SoftphonePage bob = page(1).login("1011@" + DOMAIN, ClusterTestBase.PASSWORD);
        SoftphonePage carol = page(0).login("1012@" + DOMAIN, ClusterTestBase.PASSWORD);
        List<SoftphonePage> pages = List.of(alice, bob, carol);
        AtomicBoolean sampling = new AtomicBoolean(true);
        long[] longestSplitMs = {0, 0};
        Thread sampler = new Thread(() -> {
            long since = 0;
            while (sampling.get()) {
                long now = System.nanoTime();
                if (domainIslands().size() > 1) {
                    since = since == 0 ? now : since;
                    longestSplitMs[0] = Math.max(longestSplitMs[0], (now - since) / 1_000_000);
                } else {
                    since = 0;
                }
                longestSplitMs[1]++;
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        String home = alice.awaitReady();
        assertThat(bob.awaitReady()).isEqualTo(home);
        assertThat(carol.awaitReady()).isEqualTo(home);
        assertThat(home).isIn("fs-01", "fs-02");
        allOn(pages, home);

        cluster.island(home).kill();
        allOn(pages, "spare-1");
        assertThat(partition(0, home)).isEqualTo("spare-1");
        assertThat(partition(1, home)).isEqualTo("spare-1");

        cluster.restartIsland(home);
        SoftphonePage.awaitTrue(
                "both gateways find " + home + " up again",
                () -> fleetVerdict(0, home).equals("up")
                        && fleetVerdict(1, home).equals("up"),
                Duration.ofSeconds(30));
        allOn(pages, home);
        assertThat(partition(0, home)).isEqualTo(home);
        assertThat(partition(1, home)).isEqualTo(home);
        sampling.set(false);
        sampler.join(10_000);
        System.out.println("fleet of two gateways, three browsers: longest time two islands served " + DOMAIN + " "
                + longestSplitMs[0] + " ms over " + longestSplitMs[1] + " samples of both gateways' sessions");
        assertThat(longestSplitMs[1]).isGreaterThan(10);
        assertThat(longestSplitMs[0]).as("the longest cut-over window").isLessThan(3000);
    }

    /** The islands serving the domain's sessions on both gateways now, read from their admin API. */
    private static Set<String> domainIslands() {
        Set<String> islands = new TreeSet<>();
        for (int g = 0; g < 2; g++) {
            for (JsonNode s : admin(g, "v1/admin/sessions")) {
                if (s.path("login").asText().endsWith("@" + DOMAIN) && s.hasNonNull("island")) {
                    islands.add(s.path("island").asText());
                }
            }
        }
        return islands;
    }

    /**
     * Waits for every page to be ready on {@code island}, and for both gateways to serve the domain's three sessions
     * there and nowhere else; the pages are read in one pass each time, so all three agree at that moment.
     */
    private static void allOn(List<SoftphonePage> pages, String island) {
        SoftphonePage.awaitTrue(
                "all three pages ready on " + island,
                () -> pages.stream().allMatch(p -> island.equals(p.island()) && "ready".equals(p.state())),
                Duration.ofSeconds(40));
        SoftphonePage.awaitTrue(
                "both gateways serve the domain's three sessions on " + island + " only",
                () -> {
                    Set<String> islands = new TreeSet<>();
                    int n = 0;
                    for (int g = 0; g < 2; g++) {
                        for (JsonNode s : admin(g, "v1/admin/sessions")) {
                            if (s.path("login").asText().endsWith("@" + DOMAIN) && s.hasNonNull("island")) {
                                islands.add(s.path("island").asText());
                                n++;
                            }
                        }
                    }
                    return islands.equals(Set.of(island)) && n == 3;
                },
                Duration.ofSeconds(20));
        assertThat(pages).allMatch(p -> island.equals(p.island()));
    }

    private static String partition(int gateway, String home) {
        return admin(gateway, "v1/admin/fleet")
                .path("partitions")
                .path(home)
                .path("island")
                .asText();
    }

    private static String fleetVerdict(int gateway, String island) {
        return admin(gateway, "v1/admin/fleet")
                .path("islands")
                .path(island)
                .path("fleet")
                .asText();
    }

    private static JsonNode admin(int gateway, String path) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(cluster.gatewayUrl(gateway) + path))
                            .header("Authorization", "Bearer " + Cluster.ADMIN_TOKEN)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
