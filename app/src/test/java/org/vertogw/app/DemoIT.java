package org.vertogw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.OFFER;
import static org.vertogw.testing.VertoTestClient.callParams;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertogw.testing.InsecureHttp;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;
import org.vertogw.testing.VertoTestClient;

/**
 * The README's first command: the jar with no configuration runs a complete demo; with {@code --partition-by
 * extension} users of one domain on different islands call each other over a trunk.
 */
class DemoIT {

    @Test
    void theJarWithNoConfigurationServesTheDemoMapAndLogins(@TempDir Path dir) throws Exception {
        try (ManagedProcess demo =
                ProductJar.process("demo", "--port", "0", "--media-port", "0", "--data-dir", dir.toString())) {
            String port = demo.start("Gateway ready: https://localhost:(\\d+)/");
            assertThat(demo.awaitLine("Demo logins: (.*)"))
                    .contains("1000-1019")
                    .contains("password 1234");
            assertThat(Files.exists(dir.resolve("tls/edge-cert.pem"))).isTrue();
            URI base = URI.create("https://localhost:" + port + "/");
            HttpResponse<String> map = InsecureHttp.client()
                    .send(
                            HttpRequest.newBuilder(base.resolve("/v1/partition-map"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode m = new ObjectMapper().readTree(map.body());
            assertThat(m.path("islands").findValuesAsText("id")).containsExactly("fs-01", "fs-02", "spare-1");
            assertThat(m.toString()).doesNotContain("ws://");
            HttpResponse<String> health = InsecureHttp.client()
                    .send(
                            HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            try (VertoTestClient c = VertoTestClient.connect(URI.create("wss://localhost:" + port + "/verto"))) {
                assertThat(c.call("login", loginParams("1000@b.example", "1234", "demo-it"))
                                .path("result")
                                .path("message")
                                .asText())
                        .isEqualTo("logged in");
            }
        }
    }

    @Test
    void partitionedByExtensionTheDemoNamesAUserOfEachIslandAndTheyCallEachOther(@TempDir Path dir) throws Exception {
        try (ManagedProcess demo = ProductJar.process(
                "demo-ext",
                "demo",
                "--port",
                "0",
                "--media-port",
                "0",
                "--data-dir",
                dir.toString(),
                "--partition-by",
                "extension")) {
            String port = demo.start("Gateway ready: https://localhost:(\\d+)/");
            String alice = demo.awaitLine("  (\\d+)@a\\.example lives on fs-01");
            String bob = demo.awaitLine("  (\\d+)@a\\.example lives on fs-02");
            URI base = URI.create("https://localhost:" + port + "/");
            JsonNode m = new ObjectMapper()
                    .readTree(InsecureHttp.client()
                            .send(
                                    HttpRequest.newBuilder(base.resolve("/v1/partition-map"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            assertThat(m.path("partitionBy").asText()).isEqualTo("extension");
            URI wss = URI.create("wss://localhost:" + port + "/verto");
            try (VertoTestClient a = VertoTestClient.connect(wss);
                    VertoTestClient b = VertoTestClient.connect(wss)) {
                assertThat(a.call("login", loginParams(alice + "@a.example", "1234", "pa"))
                                .path("result")
                                .path("gateway")
                                .path("island")
                                .asText())
                        .isEqualTo("fs-01");
                assertThat(b.call("login", loginParams(bob + "@a.example", "1234", "pb"))
                                .path("result")
                                .path("gateway")
                                .path("island")
                                .asText())
                        .isEqualTo("fs-02");
                String callId = UUID.randomUUID().toString();
                a.call("verto.invite", inviteParams(callId, bob, "pa", OFFER));
                JsonNode invite = b.awaitRequest("verto.invite");
                assertThat(invite.path("params").path("caller_id_number").asText())
                        .isEqualTo(alice);
                b.reply(invite);
                ObjectNode bye = callParams(callId, "pa");
                bye.put("cause", "NORMAL_CLEARING");
                a.call("verto.bye", bye);
                JsonNode ended = b.awaitRequest(
                        "verto.bye", invite.path("params").path("callID").asText());
                assertThat(ended.path("params").path("cause").asText()).isEqualTo("ORIGINATOR_CANCEL");
            }
        }
    }

    @Test
    void anUnknownPartitionByIsRefusedWithExitCode2() throws Exception {
        ManagedProcess.Result r = ProductJar.run("", "demo", "--port", "0", "--partition-by", "user");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stdout() + r.stderr()).contains("--partition-by must be domain or extension, got user");
    }
}
