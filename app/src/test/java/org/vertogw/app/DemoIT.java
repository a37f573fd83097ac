package org.vertogw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertogw.testing.InsecureHttp;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;
import org.vertogw.testing.VertoTestClient;

/** The README's first command: the jar with no configuration runs a complete demo. */
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
}
