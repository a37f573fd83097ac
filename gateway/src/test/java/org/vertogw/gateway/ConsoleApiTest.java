package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.Limits;
import org.vertogw.gateway.config.Mode;
import org.vertogw.gateway.config.TlsSettings;
import org.vertogw.gateway.tls.PemKeyStore;
import org.vertogw.testing.InsecureHttp;

/**
 * The operator console's API on a production gateway alone (no fleet): the page itself, the console view, a map
 * checked without being applied with the refusals a save would get, and the event stream: opened only with a
 * one-time ticket (never the token), first event at once, and no more streams than {@code limits.adminEventStreams}.
 */
class ConsoleApiTest {

    private static final String TOKEN = "console-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    static GatewayFixture fx;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("console-test");
        PemKeyStore.selfSignedIn(dir);
        TlsSettings tls = new TlsSettings(dir.resolve("tls/edge-cert.pem"), dir.resolve("tls/edge-key.pem"));
        fx = new GatewayFixture(b -> b.mode(Mode.PRODUCTION)
                .tls(tls)
                .adminToken(TOKEN)
                .limits(Limits.builder().with(l -> l.adminEventStreams = 2).build()));
        base = URI.create("https://localhost:" + fx.gateway.port() + "/");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
        return InsecureHttp.client().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + TOKEN);
    }

    private static HttpRequest.Builder post(String path, String body) {
        return admin(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void thePageIsServedFromTheJarWithAPolicyThatAllowsOnlyItsOwnOrigin() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/admin/")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Verto gateway console").contains("console.js");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(send(HttpRequest.newBuilder(base.resolve("/admin/console.js")))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theConsoleViewOfAGatewayAloneShowsItsIslandsPartitionsAndItself() throws Exception {
        assertThat(send(HttpRequest.newBuilder(base.resolve("/v1/admin/console")))
                        .statusCode())
                .isEqualTo(401);
        JsonNode v = JSON.readTree(send(admin("/v1/admin/console")).body());
        assertThat(v.path("mode").asText()).isEqualTo("single");
        assertThat(v.path("health").asText()).isEqualTo("serving");
        assertThat(v.path("mapVersion").asLong())
                .isEqualTo(fx.gateway.router().map().version());
        assertThat(v.path("islands").path("fs-01").path("verdict").asText()).isEqualTo("up");
        assertThat(v.path("islands").path("spare-1").path("role").asText()).isEqualTo("spare");
        assertThat(v.path("partitions").path("fs-02").path("island").asText()).isEqualTo("fs-02");
        assertThat(v.path("partitions").path("fs-02").path("takeover").asBoolean())
                .isFalse();
        String self = v.path("self").asText();
        assertThat(v.path("gateways").path(self).path("self").asBoolean()).isTrue();
        assertThat(v.path("calls").isArray()).isTrue();
    }

    @Test
    void aMapIsValidatedWithTheRefusalsOfASaveAndNotApplied() throws Exception {
        JsonNode current = JSON.readTree(send(admin("/v1/admin/partition-map")).body());
        long version = current.path("version").asLong();
        String next = current.toString().replaceFirst("\"version\":\\d+", "\"version\":" + (version + 1));
        HttpResponse<String> ok = send(post("/v1/admin/partition-map/validate", next));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("valid").asBoolean()).isTrue();
        assertThat(fx.gateway.router().map().version())
                .as("validated, not applied")
                .isEqualTo(version);

        String bad = next.replaceFirst("\"weight\":\\d+", "\"weight\":0");
        HttpResponse<String> refused = send(post("/v1/admin/partition-map/validate", bad));
        HttpResponse<String> put = send(admin("/v1/admin/partition-map")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(bad)));
        assertThat(refused.statusCode()).isEqualTo(400).isEqualTo(put.statusCode());
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree(put.body()));
        assertThat(JSON.readTree(refused.body()).path("field").asText()).isEqualTo("islands[0].weight");

        HttpResponse<String> stale = send(post("/v1/admin/partition-map/validate", current.toString()));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).path("error").asText()).contains("stale");
        assertThat(JSON.readTree(stale.body()).path("current").asLong()).isEqualTo(version);
        assertThat(fx.gateway.router().map().version()).isEqualTo(version);
    }

    @Test
    void theEventStreamTakesAOneTimeTicketAndIsBudgeted() throws Exception {
        assertThat(send(HttpRequest.newBuilder(base.resolve("/v1/admin/events/ticket"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}")))
                        .statusCode())
                .as("a ticket needs the token")
                .isEqualTo(401);
        HttpResponse<String> noTicket = send(HttpRequest.newBuilder(base.resolve("/v1/admin/events")));
        assertThat(noTicket.statusCode()).isEqualTo(401);
        assertThat(noTicket.body()).contains("ticket");
        HttpResponse<String> withToken = send(admin("/v1/admin/events")).statusCode() == 401 ? noTicket : null;
        assertThat(withToken).as("the token itself does not open a stream").isNotNull();

        List<InputStream> open = new ArrayList<>();
        try {
            String ticket = ticket();
            HttpResponse<InputStream> first = stream(ticket);
            open.add(first.body());
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            BufferedReader lines = new BufferedReader(new InputStreamReader(first.body(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("event: console");
            String data = lines.readLine();
            assertThat(data).startsWith("data: ");
            assertThat(JSON.readTree(data.substring(6)).path("mapVersion").asLong())
                    .isEqualTo(fx.gateway.router().map().version());

            HttpResponse<InputStream> again = stream(ticket);
            assertThat(again.statusCode()).as("a ticket is good once").isEqualTo(401);
            again.body().close();

            HttpResponse<InputStream> second = stream(ticket());
            open.add(second.body());
            assertThat(second.statusCode()).isEqualTo(200);
            long refusedBefore = fx.gateway.metrics().console.refusals("stream_limit");
            HttpResponse<InputStream> third = stream(ticket());
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(new String(third.body().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("limits.adminEventStreams");
            assertThat(fx.gateway.metrics().console.refusals("stream_limit")).isEqualTo(refusedBefore + 1);
            String metrics = send(admin("/metrics")).body();
            assertThat(metrics)
                    .contains("verto_gateway_admin_event_streams 2.0")
                    .contains("verto_gateway_admin_event_streams_refused_total{reason=\"stream_limit\"}");
        } finally {
            for (InputStream in : open) {
                in.close();
            }
        }
    }

    private static String ticket() throws Exception {
        HttpResponse<String> r = send(post("/v1/admin/events/ticket", "{}"));
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).path("ticket").asText();
    }

    private static HttpResponse<InputStream> stream(String ticket) throws Exception {
        return InsecureHttp.client()
                .send(
                        HttpRequest.newBuilder(base.resolve("/v1/admin/events?ticket=" + ticket))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
    }
}
