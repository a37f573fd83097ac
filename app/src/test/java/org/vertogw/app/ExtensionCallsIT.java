package org.vertogw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandSelector;
import org.vertogw.partition.PartitionBy;
import org.vertogw.partition.PartitionMap;
import org.vertogw.testing.Await;
import org.vertogw.testing.InsecureHttp;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;
import org.vertogw.testing.webrtc.AudioStats;
import org.vertogw.testing.webrtc.LibWebRtcPhone;

/**
 * Partitioned by extension, with islands and two gateways as processes of the product jar and libwebrtc phones: two
 * users of a.example served by different islands call each other through one gateway and through two. The islands
 * learn where the callee lives from the gateways' {@code /v1/route} and trunk the call (docs/operations.md, "Calls
 * across islands"); each phone hears the other's tone at its level, DTMF crosses the trunk (each island logs what
 * it received over it) and a hangup from either side ends both legs.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class ExtensionCallsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADMIN = "admin-token-0123456789abcdef";
    private static final String ROUTE = "route-token-0123456789abcdef";
    private static final String SECRET = "trunk-secret-0123456789abcdef";
    private static final long PACKETS = 50;
    private static final short LOUD = 8000;
    private static final short QUIET = 4000;
    /** Opus is lossy: the decoded peak differs from the sent one by well under this. */
    private static final double LEVEL_TOLERANCE = 0.03;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each process's output, kept in the build directory for a failure's post-mortem. */
    private static final Path LOGS = Path.of("target", "extension-calls");

    private static final List<ManagedProcess> processes = new ArrayList<>();
    private static ManagedProcess fs01;
    private static ManagedProcess fs02;
    private static URI gw1;
    private static URI gw2;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("extension-calls");
        Files.createDirectories(LOGS);
        Path map = dir.resolve("map.json");
        Files.writeString(map, map(1, null, null, null));
        gw1 = gateway("gw-1", dir, map);
        gw2 = gateway("gw-2", dir, map);
        fs01 = island("fs-01", gw1);
        fs02 = island("fs-02", gw2);
        ManagedProcess spare = island("spare-1", gw1);
        String u1 = fs01.awaitLine("Island ready: fs-01 (ws://\\S+).*");
        String u2 = fs02.awaitLine("Island ready: fs-02 (ws://\\S+).*");
        String us = spare.awaitLine("Island ready: spare-1 (ws://\\S+).*");
        Files.writeString(map, map(2, u1, u2, us));
        for (URI gw : List.of(gw1, gw2)) {
            Await.until("islands up behind " + gw, WAIT, () -> islandsUp(gw));
        }
        PartitionMap m = new PartitionMap(
                1, PartitionBy.EXTENSION, List.of(Island.active("fs-01", 1), Island.active("fs-02", 1)), null, null);
        alice = userOn(m, "fs-01");
        bob = userOn(m, "fs-02");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ManagedProcess p : processes) {
            p.close();
        }
    }

    private static String map(int version, String u1, String u2, String us) {
        return "{\"version\":" + version + ",\"partitionBy\":\"extension\",\"islands\":["
                + island("fs-01", "active", u1) + "," + island("fs-02", "active", u2) + ","
                + island("spare-1", "spare", us) + "]}";
    }

    private static String island(String id, String role, String verto) {
        return "{\"id\":\"" + id + "\",\"role\":\"" + role + "\""
                + (verto == null ? "" : ",\"verto\":\"" + verto + "\"") + "}";
    }

    private static URI gateway(String id, Path dir, Path map) throws Exception {
        Path config = dir.resolve(id + ".json");
        Files.writeString(
                config,
                "{\"id\":\"" + id + "\",\"mode\":\"demo\",\"listen\":{\"host\":\"127.0.0.1\",\"port\":0},"
                        + "\"partitionMap\":\"" + map + "\",\"dataDir\":\"" + dir.resolve(id) + "\","
                        + "\"health\":{\"intervalMs\":200,\"timeoutMs\":1000,\"downAfter\":3,\"upAfter\":2},"
                        + "\"admin\":{\"token\":\"" + ADMIN + "\",\"routeToken\":\"" + ROUTE + "\"},"
                        + "\"media\":{\"enabled\":true,\"bindAddress\":\"127.0.0.1\",\"publicAddress\":\"127.0.0.1\","
                        + "\"browserPort\":0,\"islandPortMin\":0,\"islandPortMax\":0}}");
        ManagedProcess p = new ManagedProcess(
                id, ProductJar.command(List.of("-Xmx256m"), "gateway", "--config", config.toString()), LOGS);
        processes.add(p);
        return URI.create(p.start("Gateway ready: (https://\\S+)"));
    }

    /** An island asking {@code gateway} for routes, logging what it receives over a trunk. */
    private static ManagedProcess island(String id, URI gateway) throws Exception {
        ManagedProcess p = new ManagedProcess(
                id,
                ProductJar.command(
                        List.of("-Xmx256m", "-Dorg.slf4j.simpleLogger.log.org.vertogw.island.Calls=debug"),
                        "island",
                        "--id",
                        id,
                        "--port",
                        "0",
                        "--route-url",
                        gateway.toString(),
                        "--route-token",
                        ROUTE,
                        "--route-insecure",
                        "--trunk-secret",
                        SECRET),
                LOGS);
        processes.add(p);
        p.start("Island ready: " + id + " (ws://\\S+).*");
        return p;
    }

    private static boolean islandsUp(URI gw) {
        try {
            HttpResponse<String> r = InsecureHttp.client()
                    .send(
                            HttpRequest.newBuilder(gw.resolve("/v1/admin/islands"))
                                    .header("Authorization", "Bearer " + ADMIN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode islands = JSON.readTree(r.body());
            int up = 0;
            for (JsonNode i : islands) {
                up += "up".equals(i.path("state").asText()) ? 1 : 0;
            }
            return up == 3;
        } catch (Exception e) {
            return false;
        }
    }

    private static String userOn(PartitionMap m, String island) {
        for (int n = 1000; n < 1020; n++) {
            if (IslandSelector.resolve(m, String.valueOf(n), "a.example", Set.of())
                    .serving()
                    .equals(island)) {
                return String.valueOf(n);
            }
        }
        throw new AssertionError("no demo user on " + island);
    }

    private static URI wss(URI https) {
        return URI.create("wss://" + https.getAuthority() + "/verto");
    }

    @Test
    void twoUsersOnDifferentIslandsCallThroughOneGatewayAndTheCallerHangsUp() throws Exception {
        call(gw1, gw1, "1", "2", true);
    }

    @Test
    void twoUsersOnDifferentIslandsCallThroughTwoGatewaysAndTheCalleeHangsUp() throws Exception {
        call(gw1, gw2, "3", "4", false);
    }

    private void call(URI aliceGw, URI bobGw, String aliceDigit, String bobDigit, boolean callerHangsUp)
            throws Exception {
        ExecutorService calleeThread = Executors.newSingleThreadExecutor();
        try (LibWebRtcPhone a = LibWebRtcPhone.login(wss(aliceGw), alice + "@a.example", "1234", LOUD);
                LibWebRtcPhone b = LibWebRtcPhone.login(wss(bobGw), bob + "@a.example", "1234", QUIET)) {
            CompletableFuture<String> bobAnswered = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return b.answerIncoming();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    calleeThread);
            try {
                a.call(bob);
                bobAnswered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                a.peer().awaitConnected(WAIT);
                b.peer().awaitConnected(WAIT);
                a.peer().startTone(WAIT);
                b.peer().startTone(WAIT);
                AudioStats aliceHeard = a.peer().awaitAudio(PACKETS, WAIT);
                AudioStats bobHeard = b.peer().awaitAudio(PACKETS, WAIT);
                assertThat(aliceHeard.audioLevel())
                        .as("alice hears bob's tone")
                        .isGreaterThan(0)
                        .isCloseTo(b.peer().toneLevel(), within(LEVEL_TOLERANCE));
                assertThat(bobHeard.audioLevel())
                        .as("bob hears alice's tone")
                        .isGreaterThan(0)
                        .isCloseTo(a.peer().toneLevel(), within(LEVEL_TOLERANCE));

                assertThat(a.dtmf(aliceDigit).path("result").path("message").asText())
                        .isEqualTo("SENT");
                fs02.awaitLine(".*RECV DTMF " + aliceDigit + ".*", WAIT);
                b.dtmf(bobDigit);
                fs01.awaitLine(".*RECV DTMF " + bobDigit + ".*", WAIT);

                LibWebRtcPhone hanger = callerHangsUp ? a : b;
                LibWebRtcPhone other = callerHangsUp ? b : a;
                assertThat(hanger.hangUp().path("result").path("message").asText())
                        .isEqualTo("CALL ENDED");
                JsonNode bye = other.awaitHangUp();
                assertThat(bye.path("params").path("cause").asText()).isEqualTo("NORMAL_CLEARING");
            } finally {
                try {
                    bobAnswered.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the assertion above says why
                }
            }
        } finally {
            calleeThread.shutdownNow();
        }
    }
}
