package org.vertogw.app.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.vertogw.gateway.VertoGateway;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.config.MediaSettings;
import org.vertogw.gateway.config.Mode;
import org.vertogw.gateway.routing.Router;
import org.vertogw.gateway.routing.RoutingDecision;
import org.vertogw.island.IslandConfig;
import org.vertogw.island.IslandRoute;
import org.vertogw.island.IslandRoutes;
import org.vertogw.island.VertoIsland;
import org.vertogw.island.media.TerminatingMedia;
import org.vertogw.media.MediaEngine;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandRole;
import org.vertogw.partition.PartitionBy;
import org.vertogw.partition.PartitionMap;

/**
 * The embedded default (docs/configuration.md#demo): one gateway, active islands {@code fs-01} and {@code fs-02}, spare
 * {@code spare-1}, the demo directory, partitioned by domain (or by extension, with calls trunked between islands).
 * No configuration needed.
 */
public final class DemoCluster implements AutoCloseable {

    public static final List<String> ACTIVE = List.of("fs-01", "fs-02");
    public static final String SPARE = "spare-1";

    private final List<VertoIsland> islands;
    private final VertoGateway gateway;

    private DemoCluster(List<VertoIsland> islands, VertoGateway gateway) {
        this.islands = islands;
        this.gateway = gateway;
    }

    public static DemoCluster start(String host, int port, Path dataDir) throws Exception {
        return start(host, port, dataDir, 0, null);
    }

    /**
     * @param mediaPort the browsers' UDP port (0: any)
     * @param publicAddress the address in ICE candidates; null: the listen address (127.0.0.1 for any-address)
     */
    public static DemoCluster start(String host, int port, Path dataDir, int mediaPort, String publicAddress)
            throws Exception {
        return start(host, port, dataDir, mediaPort, publicAddress, PartitionBy.DOMAIN);
    }

    /**
     * As above, partitioned by {@code partitionBy}. The islands share a random trunk secret and ask the gateway's
     * router which island serves a callee, so that under {@code extension} users of one domain on different islands
     * call each other over a trunk (docs/operations.md, "Calls across islands").
     */
    public static DemoCluster start(
            String host, int port, Path dataDir, int mediaPort, String publicAddress, PartitionBy partitionBy)
            throws Exception {
        List<VertoIsland> islands = new ArrayList<>();
        List<Island> mapIslands = new ArrayList<>();
        AtomicReference<Router> router = new AtomicReference<>();
        IslandRoutes routes = (user, domain) -> {
            RoutingDecision d = router.get().route(user, domain);
            return d.serving() == null
                    ? CompletableFuture.failedFuture(new IllegalStateException(
                            "no island serves " + d.route().key()))
                    : CompletableFuture.completedFuture(
                            new IslandRoute(d.serving().id(), d.serving().verto()));
        };
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String trunkSecret = HexFormat.of().formatHex(secret);
        try {
            for (String id : ACTIVE) {
                VertoIsland i = VertoIsland.start(islandConfig(id, routes, trunkSecret));
                islands.add(i);
                mapIslands.add(new Island(id, 1, IslandRole.ACTIVE, i.uri().toString(), List.of()));
            }
            VertoIsland spare = VertoIsland.start(islandConfig(SPARE, routes, trunkSecret));
            islands.add(spare);
            mapIslands.add(new Island(SPARE, 1, IslandRole.SPARE, spare.uri().toString(), List.of()));
            PartitionMap map = new PartitionMap(1, partitionBy, mapIslands, null, null);
            String advertised = publicAddress != null
                    ? publicAddress
                    : host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
            VertoGateway gateway = VertoGateway.start(
                    GatewayConfig.builder()
                            .mode(Mode.DEMO)
                            .host(host)
                            .port(port)
                            .dataDir(dataDir)
                            .map(map)
                            .media(new MediaSettings(host, advertised, mediaPort, 0, 0))
                            .build(),
                    List.of(new DemoApi(IslandConfig.DEFAULT_ECHO)));
            router.set(gateway.router());
            return new DemoCluster(islands, gateway);
        } catch (Exception e) {
            islands.forEach(VertoIsland::close);
            throw e;
        }
    }

    /** An embedded island that terminates media on loopback, like a FreeSWITCH next to the gateway. */
    private static IslandConfig islandConfig(String id, IslandRoutes routes, String trunkSecret) {
        MediaEngine engine = MediaEngine.start(TerminatingMedia.config()
                .bindAddress("127.0.0.1")
                .publicAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .build());
        return IslandConfig.builder(id)
                .media(new TerminatingMedia(engine))
                .routes(routes)
                .trunkSecret(trunkSecret)
                .build();
    }

    public VertoGateway gateway() {
        return gateway;
    }

    public List<VertoIsland> islands() {
        return islands;
    }

    public VertoIsland island(String id) {
        return islands.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        gateway.close();
        islands.forEach(VertoIsland::close);
    }
}
