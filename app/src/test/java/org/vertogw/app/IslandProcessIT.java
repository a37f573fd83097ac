package org.vertogw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.OFFER;
import static org.vertogw.testing.VertoTestClient.callParams;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertogw.gateway.VertoGateway;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.config.HealthSettings;
import org.vertogw.gateway.config.Mode;
import org.vertogw.gateway.island.IslandState;
import org.vertogw.testing.Await;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;
import org.vertogw.testing.VertoTestClient;

/**
 * Islands as separate processes ({@code verto-gateway.jar island}) behind a production-style gateway configured by a
 * file: a call through it, then the island is killed with SIGKILL and its users land on the spare. Bad route and
 * trunk options stop an island at start.
 */
class IslandProcessIT {

    @Test
    void aKilledIslandProcessIsMarkedDownAndItsUsersAreServedByTheSpare(@TempDir Path dir) throws Exception {
        try (ManagedProcess fs01 =
                        ProductJar.process("fs01", "island", "--id", "fs-01", "--port", "0", "--dtls-key", "rsa-3072");
                ManagedProcess fs02 = ProductJar.process("fs02", "island", "--id", "fs-02", "--port", "0");
                ManagedProcess spare = ProductJar.process("spare", "island", "--id", "spare-1", "--port", "0")) {
            String u1 = fs01.start("Island ready: fs-01 (ws://\\S+) \\(DTLS RSA-3072 sha-256 .*");
            String u2 = fs02.start("Island ready: fs-02 (ws://\\S+) \\(DTLS RSA-2048 sha-256 .*");
            String us = spare.start("Island ready: spare-1 (ws://\\S+)");
            Path map = dir.resolve("map.json");
            Files.writeString(
                    map,
                    "{\"version\":1,\"partitionBy\":\"domain\",\"islands\":["
                            + "{\"id\":\"fs-01\",\"verto\":\"" + u1 + "\"},{\"id\":\"fs-02\",\"verto\":\"" + u2 + "\"},"
                            + "{\"id\":\"spare-1\",\"role\":\"spare\",\"verto\":\"" + us
                            + "\"}],\"pins\":{\"a.example\":\"fs-01\"}}");
            GatewayConfig config = GatewayConfig.builder()
                    .mode(Mode.DEMO)
                    .port(0)
                    .dataDir(dir)
                    .mapFile(map)
                    .health(new HealthSettings(Duration.ofMillis(100), Duration.ofMillis(500), 3, 2))
                    .build();
            try (VertoGateway gw = VertoGateway.start(config)) {
                Await.until("fs-01 up", () -> gw.health().state("fs-01") == IslandState.UP);
                try (VertoTestClient alice = VertoTestClient.connect(gw.wssUri());
                        VertoTestClient bob = VertoTestClient.connect(gw.wssUri())) {
                    assertThat(alice.call("login", loginParams("1000@a.example", "1234", "pa"))
                                    .path("result")
                                    .path("gateway")
                                    .path("island")
                                    .asText())
                            .isEqualTo("fs-01");
                    bob.call("login", loginParams("1001@a.example", "1234", "pb"));
                    String callId = UUID.randomUUID().toString();
                    alice.call("verto.invite", inviteParams(callId, "1001", "pa", OFFER));
                    String bobCall = bob.awaitRequest("verto.invite")
                            .path("params")
                            .path("callID")
                            .asText();
                    ObjectNode answer = callParams(bobCall, "pb");
                    answer.put("sdp", OFFER);
                    bob.call("verto.answer", answer);
                    alice.awaitRequest("verto.answer", callId);

                    fs01.kill();
                    assertThat(alice.awaitClose()).isEqualTo(1013);
                    assertThat(bob.awaitClose()).isEqualTo(1013);
                }
                Await.until("fs-01 down", () -> gw.health().state("fs-01") == IslandState.DOWN);
                try (VertoTestClient again = VertoTestClient.connect(gw.wssUri())) {
                    JsonNode r = again.call("login", loginParams("1000@a.example", "1234", "pa"));
                    assertThat(r.path("result").path("gateway").path("island").asText())
                            .isEqualTo("spare-1");
                }
            }
        }
    }

    @Test
    void badRouteAndTrunkOptionsAreRefusedWithExitCode2NamingTheProblem(@TempDir Path dir) throws Exception {
        Path badMap = dir.resolve("map.json");
        Files.writeString(badMap, "{\"islands\":[{\"id\":\"fs-01\",\"verto\":\"http://fs:8082\"}]}");
        String[][] cases = {
            {"--trunk-secret", "short", "the trunk secret must be at least 16 characters"},
            {"--route-map", dir.resolve("missing.json").toString(), "cannot be read"},
            {"--route-map", badMap.toString(), "islands[0].verto"},
            {"--route-url", "gw.example:8443", "--route-url must be an http:// or https:// URL"},
            {"--config", conference(dir, "conferenceMaxMembers", 0), "conferenceMaxMembers must be at least 1, got 0"},
            {"--config", conference(dir, "conferenceMaxTotal", -1), "conferenceMaxTotal must be at least 1, got -1"},
        };
        for (String[] c : cases) {
            ManagedProcess.Result r = ProductJar.run("", "island", "--port", "0", "--media", "none", c[0], c[1]);
            assertThat(r.exit()).as(c[0] + " " + c[1]).isEqualTo(2);
            assertThat(r.stdout() + r.stderr())
                    .as(c[0] + " " + c[1])
                    .contains("error: ")
                    .contains(c[2]);
        }
    }

    /** An island file with one conference budget set to {@code value}. */
    private static String conference(Path dir, String key, int value) throws java.io.IOException {
        Path file = dir.resolve(key + ".json");
        Files.writeString(file, "{\"" + key + "\": " + value + "}");
        return file.toString();
    }
}
