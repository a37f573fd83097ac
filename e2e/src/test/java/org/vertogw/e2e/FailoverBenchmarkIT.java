package org.vertogw.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vertogw.e2e.harness.Cluster;

/**
 * The interruption times of scenarios 3 and 4 over repeated runs (bench/failover/run.sh sets
 * {@code -Dfailover.runs=10}): media back after a gateway's death, and a new call with media on the spare after an
 * island's death, each from the kill, as the pages' own timelines saw them, with the gateways' default health
 * settings. Writes p50/p95 to {@code target/e2e/failover.md}. The first round of each scenario is reported apart and
 * not counted: it runs seconds after every process of the cluster started, on code the JIT has not compiled yet (a
 * gateway's first WebSocket handshakes, an island's first re-attach), where a fleet in service has run for days.
 */
@EnabledIfSystemProperty(named = "failover.runs", matches = "\\d+")
class FailoverBenchmarkIT extends ClusterTestBase {

    /** Hides the base's cluster: this one probes the islands at the product's default pace. */
    @BeforeAll
    static void startCluster() throws Exception {
        Path out = Path.of(System.getProperty("e2e.out", "target/e2e"));
        Files.createDirectories(out);
        cluster = new Cluster(Files.createTempDirectory(out, "cluster-"))
                .defaultHealth()
                .start(2);
    }

    @Test
    void interruptionTimesOverRepeatedFailovers() throws Exception {
        int runs = Integer.parseInt(System.getProperty("failover.runs"));
        List<Long> gateway = new ArrayList<>();
        List<Long> island = new ArrayList<>();
        List<Long> islandReady = new ArrayList<>();
        long coldGateway = GatewayFailoverIT.run(this);
        closeBrowsers();
        long[] coldIsland = IslandFailoverIT.run(this);
        closeBrowsers();
        for (int i = 0; i < runs; i++) {
            gateway.add(GatewayFailoverIT.run(this));
            closeBrowsers();
            long[] t = IslandFailoverIT.run(this);
            islandReady.add(t[0]);
            island.add(t[1]);
            closeBrowsers();
        }
        String report = String.format(
                Locale.ROOT,
                "# Failover interruption (%d runs each)%n%n| scenario | p50 | p95 | max | target |%n|---|---|---|---|---|%n"
                        + "| media back after the carrying gateway dies | %d ms | %d ms | %d ms | 1000 ms (p95) |%n"
                        + "| users logged in on the spare after the island dies (new calls possible) | %d ms | %d ms | %d ms | 1500 ms (p95) |%n"
                        + "| a new call dialled and answered through the page, media both ways | %d ms | %d ms | %d ms | |%n%n"
                        + "gateway runs: %s%nisland runs (ready): %s%nisland runs (new call media): %s%n%n"
                        + "first round on the fresh cluster (not counted): gateway %d ms, island ready %d ms,"
                        + " new call media %d ms%n",
                runs,
                pct(gateway, 50),
                pct(gateway, 95),
                pct(gateway, 100),
                pct(islandReady, 50),
                pct(islandReady, 95),
                pct(islandReady, 100),
                pct(island, 50),
                pct(island, 95),
                pct(island, 100),
                gateway,
                islandReady,
                island,
                coldGateway,
                coldIsland[0],
                coldIsland[1]);
        System.out.println(report);
        Files.writeString(out("failover.md"), report);
    }

    /** Nearest-rank percentile. */
    static long pct(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
