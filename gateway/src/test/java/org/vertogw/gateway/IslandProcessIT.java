package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.island.testing.VertoTestClient.OFFER;
import static org.vertogw.island.testing.VertoTestClient.callParams;
import static org.vertogw.island.testing.VertoTestClient.inviteParams;
import static org.vertogw.island.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.island.IslandState;
import org.vertogw.island.testing.VertoTestClient;

/**
 * Islands as separate processes ({@code verto-gateway.jar island}) behind a production-style gateway configured by a
 * file: a call through it, then the island is killed with SIGKILL and its users land on the spare.
 */
class IslandProcessIT {

    @Test
    void aKilledIslandProcessIsMarkedDownAndItsUsersAreServedByTheSpare(@TempDir Path dir) throws Exception {
        try (ProcessHarness fs01 = ProcessHarness.start("island", "--id", "fs-01", "--port", "0", "--dtls-key", "rsa-3072");
                ProcessHarness fs02 = ProcessHarness.start("island", "--id", "fs-02", "--port", "0");
                ProcessHarness spare = ProcessHarness.start("island", "--id", "spare-1", "--port", "0")) {
            String u1 = fs01.await("Island ready: fs-01 (ws://\\S+) \\(DTLS RSA-3072 sha-256 .*");
            String u2 = fs02.await("Island ready: fs-02 (ws://\\S+) \\(DTLS RSA-2048 sha-256 .*");
            String us = spare.await("Island ready: spare-1 (ws://\\S+)");
            Path map = dir.resolve("map.json");
            Files.writeString(map, "{\"version\":1,\"partitionBy\":\"domain\",\"islands\":["
                    + "{\"id\":\"fs-01\",\"verto\":\"" + u1 + "\"},{\"id\":\"fs-02\",\"verto\":\"" + u2 + "\"},"
                    + "{\"id\":\"spare-1\",\"role\":\"spare\",\"verto\":\"" + us + "\"}],\"pins\":{\"a.example\":\"fs-01\"}}");
            GatewayConfig config = GatewayConfig.builder().port(0).dataDir(dir).mapFile(map).health(GatewayFixture.FAST_HEALTH).build();
            try (VertoGateway gw = VertoGateway.start(config)) {
                GatewayFixture.await(() -> gw.health().state("fs-01") == IslandState.UP, "fs-01 up");
                try (VertoTestClient alice = VertoTestClient.connect(gw.wssUri());
                        VertoTestClient bob = VertoTestClient.connect(gw.wssUri())) {
                    assertThat(alice.call("login", loginParams("1000@a.example", "1234", "pa")).path("result")
                            .path("gateway").path("island").asText()).isEqualTo("fs-01");
                    bob.call("login", loginParams("1001@a.example", "1234", "pb"));
                    String callId = UUID.randomUUID().toString();
                    alice.call("verto.invite", inviteParams(callId, "1001", "pa", OFFER));
                    String bobCall = bob.awaitRequest("verto.invite").path("params").path("callID").asText();
                    ObjectNode answer = callParams(bobCall, "pb");
                    answer.put("sdp", OFFER);
                    bob.call("verto.answer", answer);
                    alice.awaitRequest("verto.answer", callId);

                    fs01.kill();
                    assertThat(alice.awaitClose()).isEqualTo(1013);
                    assertThat(bob.awaitClose()).isEqualTo(1013);
                }
                GatewayFixture.await(() -> gw.health().state("fs-01") == IslandState.DOWN, "fs-01 down");
                try (VertoTestClient again = VertoTestClient.connect(gw.wssUri())) {
                    JsonNode r = again.call("login", loginParams("1000@a.example", "1234", "pa"));
                    assertThat(r.path("result").path("gateway").path("island").asText()).isEqualTo("spare-1");
                }
            }
        }
    }
}
