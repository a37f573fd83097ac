package org.vertogw.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.config.HealthSettings;
import org.vertogw.gateway.config.MediaSettings;
import org.vertogw.gateway.config.Mode;
import org.vertogw.gateway.island.IslandState;
import org.vertogw.island.IslandConfig;
import org.vertogw.island.VertoIsland;
import org.vertogw.island.media.TerminatingMedia;
import org.vertogw.media.MediaEngine;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandRole;
import org.vertogw.partition.PartitionBy;
import org.vertogw.partition.PartitionMap;
import org.vertogw.testing.Await;
import org.vertogw.testing.InsecureHttp;

/**
 * A gateway on port 0 in front of real in-process islands fs-01, fs-02 and spare-1, probed every 100 ms so health
 * changes show within a second; with media, the islands terminate it as FreeSWITCH does (RSA-2048 DTLS) and the
 * gateway relays it on loopback. Closes everything it started.
 */
final class GatewayFixture implements AutoCloseable {

    static final HealthSettings FAST_HEALTH = new HealthSettings(Duration.ofMillis(100), Duration.ofMillis(500), 3, 2);

    /**
     * For tests about something else than island health: the default probing, so that a machine starved for a
     * second and a half does not mark the islands down under them.
     */
    static final HealthSettings PATIENT_HEALTH = HealthSettings.defaults();

    final Map<String, VertoIsland> islands = new LinkedHashMap<>();
    final Map<String, Integer> ports = new LinkedHashMap<>();
    final VertoGateway gateway;
    final Path dataDir;

    private final boolean withMedia;

    GatewayFixture() throws Exception {
        this(b -> b);
    }

    GatewayFixture(UnaryOperator<GatewayConfig.Builder> customize) throws Exception {
        this(false, customize);
    }

    /** Islands that terminate media, and a gateway that relays it on loopback. */
    static GatewayFixture withMedia() throws Exception {
        return withMedia(b -> b);
    }

    /** As {@link #withMedia()}, with more settings (a media section of the test's own replaces the loopback one). */
    static GatewayFixture withMedia(UnaryOperator<GatewayConfig.Builder> customize) throws Exception {
        return new GatewayFixture(true, b -> customize.apply(b.media(MediaSettings.loopback(0))));
    }

    private GatewayFixture(boolean withMedia, UnaryOperator<GatewayConfig.Builder> customize) throws Exception {
        this.withMedia = withMedia;
        dataDir = Files.createTempDirectory("gw-test");
        List<Island> mapIslands = new ArrayList<>();
        for (String id : List.of("fs-01", "fs-02", "spare-1")) {
            VertoIsland i = VertoIsland.start(islandConfig(id).build());
            islands.put(id, i);
            ports.put(id, i.port());
            mapIslands.add(new Island(
                    id,
                    1,
                    id.startsWith("spare") ? IslandRole.SPARE : IslandRole.ACTIVE,
                    i.uri().toString(),
                    List.of()));
        }
        PartitionMap map = new PartitionMap(1, PartitionBy.DOMAIN, mapIslands, null, null);
        GatewayConfig.Builder b = GatewayConfig.builder()
                .mode(Mode.DEMO)
                .port(0)
                .dataDir(dataDir)
                .map(map)
                .health(FAST_HEALTH);
        gateway = VertoGateway.start(customize.apply(b).build());
        await(
                () -> islands.keySet().stream().allMatch(id -> gateway.health().state(id) == IslandState.UP),
                "islands up");
    }

    URI wss() {
        return gateway.wssUri();
    }

    URI wss(String island) {
        return URI.create(gateway.wssUri() + "?island=" + island);
    }

    /** The island the gateway routes a domain to right now. */
    String islandOf(String domain) {
        return gateway.router().route("1000", domain).serving().id();
    }

    void kill(String id) {
        islands.get(id).close();
    }

    private IslandConfig.Builder islandConfig(String id) {
        IslandConfig.Builder b = IslandConfig.builder(id);
        if (withMedia) {
            b.media(new TerminatingMedia(MediaEngine.start(TerminatingMedia.config()
                    .bindAddress("127.0.0.1")
                    .browserPort(0)
                    .islandPorts(0, 0)
                    .build())));
        }
        return b;
    }

    void restart(String id) throws Exception {
        islands.put(id, VertoIsland.start(islandConfig(id).port(ports.get(id)).build()));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http().send(
                        HttpRequest.newBuilder(gateway.httpsUri().resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One client for every request of the tests, trusting the gateway's self-signed loopback certificate: it keeps
     * its connections, so a test polling an endpoint does not open a connection per request and run into the
     * gateway's per-address connection rate (limits.connectionsPerSecondPerAddress).
     */
    private static final HttpClient HTTP = InsecureHttp.client();

    static HttpClient http() {
        return HTTP;
    }

    static void await(BooleanSupplier condition, String what) {
        Await.until(what, condition);
    }

    @Override
    public void close() {
        gateway.close();
        islands.values().forEach(VertoIsland::close);
    }
}
