package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.Mode;
import org.vertogw.gateway.config.TlsSettings;
import org.vertogw.gateway.tls.PemKeyStore;
import org.vertogw.testing.InsecureHttp;
import org.vertogw.testing.RawWebSocket;
import org.vertogw.testing.VertoTestClient;

/**
 * The admin API and {@code /metrics} of a production gateway: the token for every client, loopback included; a
 * change only as JSON and from no foreign origin; a map refused whole, naming the field, and never half applied.
 */
class AdminApiTest {

    private static final String TOKEN = "a-long-random-admin-token";
    static GatewayFixture fx;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("admin-test");
        PemKeyStore.selfSignedIn(dir);
        TlsSettings tls = new TlsSettings(dir.resolve("tls/edge-cert.pem"), dir.resolve("tls/edge-key.pem"));
        fx = new GatewayFixture(b ->
                b.mode(Mode.PRODUCTION).tls(tls).adminToken(TOKEN).allowedOrigins(List.of("https://phone.example")));
        base = URI.create("https://localhost:" + fx.gateway.port() + "/");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
        return InsecureHttp.client().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    @Test
    void loopbackWithoutTheTokenIsNotTrustedInProduction() throws Exception {
        assertThat(send(at("/v1/admin/islands")).statusCode()).isEqualTo(401);
        assertThat(send(at("/metrics")).statusCode()).isEqualTo(401);
        assertThat(send(at("/v1/admin/islands").header("Authorization", "Bearer wrong"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(send(at("/v1/admin/islands").header("Authorization", "Bearer " + TOKEN))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> metrics = send(at("/metrics").header("Authorization", "Bearer " + TOKEN));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("verto_gateway_connections_refused");
        assertThat(send(at("/healthz")).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenAProductionGatewayKeepsItsAdminApiClosedEvenToLoopback() throws Exception {
        Path dir = Files.createTempDirectory("admin-closed");
        PemKeyStore.selfSignedIn(dir);
        TlsSettings tls = new TlsSettings(dir.resolve("tls/edge-cert.pem"), dir.resolve("tls/edge-key.pem"));
        try (GatewayFixture closed =
                new GatewayFixture(b -> b.mode(Mode.PRODUCTION).tls(tls))) {
            URI at = URI.create("https://localhost:" + closed.gateway.port() + "/v1/admin/sessions");
            HttpResponse<String> r = send(HttpRequest.newBuilder(at));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("set admin.token");
        }
    }

    @Test
    void aCrossSiteDrainIsRefusedAndAJsonOneFromNoForeignOriginIsApplied() throws Exception {
        HttpRequest.Builder plain = at("/v1/admin/drain")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"));
        assertThat(send(plain).statusCode()).isEqualTo(415);
        HttpRequest.Builder foreign = at("/v1/admin/drain")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(send(foreign).statusCode()).isEqualTo(403);
        assertThat(fx.gateway.edge().draining()).isFalse();
        HttpRequest.Builder ok = at("/v1/admin/drain")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(send(ok).statusCode()).isEqualTo(200);
        assertThat(fx.gateway.edge().draining()).isTrue();
        HttpRequest.Builder undrain = at("/v1/admin/undrain")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(send(undrain).statusCode()).isEqualTo(200);
        assertThat(fx.gateway.edge().draining()).isFalse();
    }

    @Test
    void aMapWithABadUrlIsRefusedWholeNamingTheFieldAndLoginsGoOn() throws Exception {
        JsonNode current = new ObjectMapper()
                .readTree(send(at("/v1/admin/partition-map").header("Authorization", "Bearer " + TOKEN))
                        .body());
        assertThat(current.path("islands").get(0).path("verto").asText()).startsWith("ws://");
        long version = current.path("version").asLong();
        String bad = current.toString()
                .replaceFirst("\"version\":\\d+", "\"version\":" + (version + 1))
                .replaceFirst("\"verto\":\"ws://[^\"]+\"", "\"verto\":\"http://not a url\"");
        HttpResponse<String> r = send(at("/v1/admin/partition-map")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(bad)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(r.body()).path("field").asText()).isEqualTo("islands[0].verto");
        assertThat(fx.gateway.router().map().version()).isEqualTo(version);
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            JsonNode login = c.call("login", loginParams("1000@a.example", "1234", "adm-" + UUID.randomUUID()));
            assertThat(login.has("result")).isTrue();
        }
    }

    @Test
    void aMapBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        // the headers announce 2 MiB and no body follows: the answer must come without waiting for it
        try (SSLSocket s = RawWebSocket.tls("127.0.0.1", fx.gateway.port(), 0)) {
            s.getOutputStream()
                    .write(("PUT /v1/admin/partition-map HTTP/1.1\r\nHost: localhost:"
                                    + fx.gateway.port() + "\r\nAuthorization: Bearer " + TOKEN
                                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (2 << 20) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(10_000);
            String status =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
    }
}
