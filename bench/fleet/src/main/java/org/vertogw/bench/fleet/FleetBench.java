package org.vertogw.bench.fleet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.vertogw.fleet.EtcdSettings;
import org.vertogw.gateway.VertoGateway;
import org.vertogw.gateway.config.FleetSettings;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.config.HealthSettings;
import org.vertogw.gateway.config.Mode;
import org.vertogw.island.IslandConfig;
import org.vertogw.island.VertoIsland;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandRole;
import org.vertogw.partition.PartitionBy;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapWriter;
import org.vertogw.testing.EtcdCluster;
import org.vertogw.testing.InsecureHttp;

/**
 * Two figures of the fleet on etcd (docs/operations.md, "Fleet on etcd"), each over N runs (default 10), p50 and
 * p99, against a lone gateway measured in the same run: (1) from an island's death to the moment every gateway
 * routes its domain to the spare (the fleet's decision; alone: the gateway's own probes), and (2) from a map
 * {@code PUT} to the moment every gateway serves it (alone: the one gateway). Three in-process gateways, real
 * in-process islands, a three-member etcd cluster of /usr/bin/etcd; probes every 100 ms.
 */
public final class FleetBench {

    private static final String TOKEN = "bench-token";
    private static final HealthSettings HEALTH =
            new HealthSettings(Duration.ofMillis(100), Duration.ofMillis(500), 3, 2);
    private static final HttpClient HTTP = InsecureHttp.client();

    private final Map<String, VertoIsland> islands = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private PartitionMap map;
    private long version = 1;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        new FleetBench().run(runs);
    }

    private void run(int runs) throws Exception {
        Path dir = Files.createTempDirectory("fleet-bench");
        List<Island> list = new ArrayList<>();
        for (String id : List.of("fs-01", "fs-02", "spare-1")) {
            VertoIsland i = VertoIsland.start(IslandConfig.builder(id).build());
            islands.put(id, i);
            ports.put(id, i.port());
            list.add(new Island(
                    id,
                    1,
                    id.startsWith("spare") ? IslandRole.SPARE : IslandRole.ACTIVE,
                    i.uri().toString(),
                    List.of()));
        }
        map = new PartitionMap(1, PartitionBy.DOMAIN, list, Map.of("a.example", "fs-01"), null);
        try (EtcdCluster etcd = EtcdCluster.start(3)) {
            List<VertoGateway> fleet = new ArrayList<>();
            VertoGateway lone = VertoGateway.start(config("lone", dir, null).build());
            for (String id : List.of("gw-1", "gw-2", "gw-3")) {
                FleetSettings f = new FleetSettings(
                        EtcdSettings.plain(etcd.endpoints()), "/bench", Duration.ofSeconds(3), Duration.ofMillis(500));
                fleet.add(VertoGateway.start(config(id, dir, f).build()));
            }
            await(() -> fleet.stream()
                    .allMatch(g ->
                            !g.fleet().degraded() && g.fleet().state().members().size() == 3));
            putMap(fleet.get(0), "\"failback\":{\"policy\":\"immediate\"}");
            await(() -> fleet.stream().allMatch(g -> g.router().map().version() == version));

            List<Double> fleetPut = new ArrayList<>();
            List<Double> lonePut = new ArrayList<>();
            List<Double> fleetDeath = new ArrayList<>();
            List<Double> loneDeath = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                fleetPut.add(timePut(fleet.get(r % 3), fleet));
                lonePut.add(timePut(lone, List.of(lone)));
                double[] death = timeDeath(fleet, lone);
                fleetDeath.add(death[0]);
                loneDeath.add(death[1]);
            }
            report("map PUT -> every gateway serving", fleetPut, lonePut);
            report("island death -> every gateway routing to the spare", fleetDeath, loneDeath);
            lone.close();
            fleet.forEach(VertoGateway::close);
        } finally {
            islands.values().forEach(VertoIsland::close);
        }
    }

    private GatewayConfig.Builder config(String id, Path dir, FleetSettings fleet) {
        return GatewayConfig.builder()
                .id(id)
                .mode(Mode.DEMO)
                .port(0)
                .dataDir(dir)
                .map(map)
                .health(HEALTH)
                .adminToken(TOKEN)
                .fleet(fleet);
    }

    /** Milliseconds from sending a PUT through {@code via} until every gateway of {@code all} serves its version. */
    private double timePut(VertoGateway via, List<VertoGateway> all) throws Exception {
        long v = via.router().map().version() + 1;
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(via, v, "\"failback\":{\"policy\":\"immediate\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT answered " + r.statusCode() + ": " + r.body());
        }
        await(() -> all.stream().allMatch(g -> g.router().map().version() == v));
        version = Math.max(version, v);
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * Kills fs-01 and times, for the fleet and for the lone gateway at once, until a.example routes to the spare;
     * then brings fs-01 back and waits until everyone routes home again.
     */
    private double[] timeDeath(List<VertoGateway> fleet, VertoGateway lone) throws Exception {
        long t0 = System.nanoTime();
        islands.get("fs-01").close();
        long fleetAt = 0;
        long loneAt = 0;
        long deadline = t0 + Duration.ofSeconds(30).toNanos();
        while ((fleetAt == 0 || loneAt == 0) && System.nanoTime() < deadline) {
            if (fleetAt == 0 && fleet.stream().allMatch(g -> onSpare(g))) {
                fleetAt = System.nanoTime();
            }
            if (loneAt == 0 && onSpare(lone)) {
                loneAt = System.nanoTime();
            }
            Thread.sleep(1);
        }
        if (fleetAt == 0 || loneAt == 0) {
            throw new IllegalStateException("no failover within 30 s");
        }
        islands.put(
                "fs-01",
                VertoIsland.start(
                        IslandConfig.builder("fs-01").port(ports.get("fs-01")).build()));
        await(() -> fleet.stream().noneMatch(FleetBench::onSpare) && !onSpare(lone));
        return new double[] {(fleetAt - t0) / 1e6, (loneAt - t0) / 1e6};
    }

    private static boolean onSpare(VertoGateway g) {
        var d = g.router().route("1000", "a.example");
        return d.serving() != null && d.serving().id().equals("spare-1");
    }

    private void putMap(VertoGateway via, String extra) throws Exception {
        version++;
        HttpResponse<String> r = send(via, version, extra);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT answered " + r.statusCode() + ": " + r.body());
        }
    }

    private HttpResponse<String> send(VertoGateway via, long v, String extra) throws Exception {
        PartitionMap m = new PartitionMap(v, map.partitionBy(), map.islands(), map.pins(), null);
        String text = PartitionMapWriter.toText(m);
        String body = text.substring(0, text.length() - 1) + "," + extra + "}";
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(via.httpsUri() + "v1/admin/partition-map"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not met within 30 s");
            }
            Thread.sleep(1);
        }
    }

    private static void report(String what, List<Double> fleet, List<Double> lone) {
        double f50 = percentile(fleet, 50);
        double f99 = percentile(fleet, 99);
        double l50 = percentile(lone, 50);
        double l99 = percentile(lone, 99);
        System.out.printf(
                "%s over %d runs: fleet p50 %.1f ms p99 %.1f ms; lone gateway p50 %.1f ms p99 %.1f ms;"
                        + " ratio fleet/lone p50 %.2f p99 %.2f%n",
                what, fleet.size(), f50, f99, l50, l99, f50 / l50, f99 / l99);
    }

    /** Nearest-rank percentile. */
    private static double percentile(List<Double> values, int p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(0, rank - 1));
    }
}
