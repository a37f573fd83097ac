package org.vertogw.gateway;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import org.vertogw.fleet.EtcdSettings;
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

/**
 * Gateways of one fleet (in process, each with its own id and port) in front of real in-process islands fs-01,
 * fs-02 and spare-1, sharing a real etcd cluster under a prefix of their own; probes every 100 ms. Closes the
 * gateways and islands it started; the cluster belongs to the test.
 */
final class FleetFixture implements AutoCloseable {

    private static final AtomicInteger FLEETS = new AtomicInteger();
    static final String TOKEN = "fleet-admin-token";

    final EtcdCluster etcd;
    final String prefix = "/fleet-test-" + ProcessHandle.current().pid() + "-" + FLEETS.incrementAndGet();
    final Map<String, VertoIsland> islands = new LinkedHashMap<>();
    final Map<String, Integer> ports = new LinkedHashMap<>();
    final Map<String, VertoGateway> gateways = new LinkedHashMap<>();
    final PartitionMap map;
    private final Path dataDir;

    FleetFixture(EtcdCluster etcd) throws Exception {
        this(etcd, (id, url) -> url);
    }

    /** As {@link #FleetFixture(EtcdCluster)}, the map naming each island by {@code via(id, url)} (a relay). */
    FleetFixture(EtcdCluster etcd, BinaryOperator<String> via) throws Exception {
        this.etcd = etcd;
        this.dataDir = Files.createTempDirectory("fleet-test");
        List<Island> mapIslands = new ArrayList<>();
        for (String id : List.of("fs-01", "fs-02", "spare-1")) {
            VertoIsland i = VertoIsland.start(IslandConfig.builder(id).build());
            islands.put(id, i);
            ports.put(id, i.port());
            mapIslands.add(new Island(
                    id,
                    1,
                    id.startsWith("spare") ? IslandRole.SPARE : IslandRole.ACTIVE,
                    via.apply(id, i.uri().toString()),
                    List.of()));
        }
        map = new PartitionMap(1, PartitionBy.DOMAIN, mapIslands, null, null);
    }

    /** Starts gateway {@code id} of the fleet, reaching etcd through {@code endpoints}. */
    VertoGateway start(String id, List<String> endpoints) throws Exception {
        return start(id, endpoints, GatewayFixture.FAST_HEALTH);
    }

    /** As {@link #start(String, List)}, probing the islands by {@code health}. */
    VertoGateway start(String id, List<String> endpoints, HealthSettings health) throws Exception {
        FleetSettings fleet = new FleetSettings(
                new EtcdSettings(endpoints, null, null, null, null, null, Duration.ofSeconds(2)),
                prefix,
                Duration.ofSeconds(3),
                Duration.ofMillis(500));
        GatewayConfig c = GatewayConfig.builder()
                .id(id)
                .mode(Mode.DEMO)
                .port(0)
                .dataDir(dataDir)
                .map(map)
                .health(health)
                .adminToken(TOKEN)
                .fleet(fleet)
                .build();
        VertoGateway g = VertoGateway.start(c);
        gateways.put(id, g);
        return g;
    }

    VertoGateway start(String id) throws Exception {
        return start(id, etcd.endpoints());
    }

    VertoGateway gw(String id) {
        return gateways.get(id);
    }

    /** The map of this fixture as JSON text, at {@code version}, with {@code extra} members (failback). */
    String mapText(long version, String extra) throws Exception {
        return mapText(version, map.pins(), extra);
    }

    /** As {@link #mapText(long, String)}, with these pins. */
    String mapText(long version, Map<String, String> pins, String extra) throws Exception {
        PartitionMap m = new PartitionMap(version, map.partitionBy(), map.islands(), pins, map.gateways());
        String text = PartitionMapWriter.toText(m);
        return extra == null ? text : text.substring(0, text.length() - 1) + "," + extra + "}";
    }

    HttpResponse<String> put(String gateway, String path, String body) throws Exception {
        return send(gateway, HttpRequest.newBuilder(uri(gateway, path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String gateway, String path, String body) throws Exception {
        return send(
                gateway, HttpRequest.newBuilder(uri(gateway, path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String gateway, String path) throws Exception {
        return send(gateway, HttpRequest.newBuilder(uri(gateway, path)).GET());
    }

    private HttpResponse<String> send(String gateway, HttpRequest.Builder b) throws Exception {
        return GatewayFixture.http()
                .send(
                        b.header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String gateway, String path) {
        return gateways.get(gateway).httpsUri().resolve(path);
    }

    void killIsland(String id) {
        islands.get(id).close();
    }

    void restartIsland(String id) throws Exception {
        islands.put(
                id,
                VertoIsland.start(IslandConfig.builder(id).port(ports.get(id)).build()));
    }

    void stopGateway(String id) {
        VertoGateway g = gateways.remove(id);
        if (g != null) {
            g.close();
        }
    }

    @Override
    public void close() {
        gateways.values().forEach(VertoGateway::close);
        islands.values().forEach(VertoIsland::close);
    }
}
