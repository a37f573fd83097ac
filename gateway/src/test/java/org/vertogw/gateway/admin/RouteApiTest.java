package org.vertogw.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.config.Mode;
import org.vertogw.gateway.observe.GatewayMetrics;
import org.vertogw.gateway.routing.Router;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandRole;
import org.vertogw.partition.PartitionBy;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapParser;

/**
 * {@code /v1/route} over real HTTP: every case of {@code testdata/partitioning/vectors.json} answered as the
 * partitioner says (down islands included, so spares), the token as bearer or Basic password, 400 naming the
 * field, the budget and its counter.
 */
class RouteApiTest {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String ROUTE = "route-token-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<String> down = new HashSet<>();
    private final GatewayMetrics metrics = new GatewayMetrics();
    private Server server;
    private URI base;

    private void start(PartitionMap map, double perSecond) throws Exception {
        GatewayConfig config = GatewayConfig.builder()
                .mode(Mode.DEMO)
                .map(map)
                .adminToken(ADMIN)
                .routeToken(ROUTE)
                .build();
        Router router = new Router(map, () -> Set.copyOf(down));
        RouteApi api = new RouteApi(config, router, metrics, perSecond);
        server = new Server();
        ServerConnector c = new ServerConnector(server);
        c.setHost("127.0.0.1");
        server.addConnector(c);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return api.handle(request, response, callback);
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + c.getLocalPort() + "/v1/route");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private HttpResponse<String> get(String query, String authorization) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + query));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void everyPartitioningVectorIsAnsweredAsThePartitionerSays() throws Exception {
        Path p = Path.of(System.getProperty("testdata.dir", "../testdata"), "partitioning", "vectors.json");
        JsonNode vectors = Json.MAPPER.readTree(p.toFile());
        int checked = 0;
        for (var name : (Iterable<String>) () -> vectors.get("maps").fieldNames()) {
            start(PartitionMapParser.parse(vectors.get("maps").get(name).toString()), 1e6);
            for (JsonNode c : vectors.get("cases")) {
                if (!c.get("map").asText().equals(name)) {
                    continue;
                }
                down.clear();
                c.path("down").forEach(d -> down.add(d.asText()));
                HttpResponse<String> r = get(
                        "?user=" + enc(c.get("user").asText()) + "&domain="
                                + enc(c.get("domain").asText()),
                        "Bearer " + ROUTE);
                if (c.get("serving").isNull()) {
                    assertThat(r.statusCode()).as(c.toString()).isEqualTo(503);
                } else {
                    assertThat(r.statusCode()).as(c.toString()).isEqualTo(200);
                    JsonNode body = Json.MAPPER.readTree(r.body());
                    assertThat(body.get("island").asText())
                            .as(c.toString())
                            .isEqualTo(c.get("serving").asText());
                    assertThat(body.get("home").asText())
                            .as(c.toString())
                            .isEqualTo(c.get("home").asText());
                    assertThat(body.get("key").asText())
                            .as(c.toString())
                            .isEqualTo(c.get("key").asText());
                    assertThat(body.get("role").asText()).isIn("active", "spare");
                }
                checked++;
            }
            server.stop();
            server = null;
        }
        assertThat(checked).isEqualTo(vectors.get("cases").size());
    }

    private static PartitionMap twoIslands() throws Exception {
        return new PartitionMap(
                4,
                PartitionBy.EXTENSION,
                List.of(
                        new Island(
                                "fs-01", 1, IslandRole.ACTIVE, "ws://127.0.0.1:8082/", List.of(), "sip:10.0.0.1:5080"),
                        new Island(
                                "fs-02", 1, IslandRole.ACTIVE, "ws://127.0.0.1:8083/", List.of(), "sip:10.0.0.2:5080"),
                        new Island("spare-1", 1, IslandRole.SPARE, null, List.of(), "sip:10.0.0.9:5080")),
                null,
                null);
    }

    @Test
    void aDownIslandsUsersAreAnsweredWithTheSpareAndTextFormatSuitsModCurl() throws Exception {
        start(twoIslands(), 1e6);
        JsonNode home = Json.MAPPER.readTree(
                get("?dest=1000%40a.example", "Bearer " + ADMIN).body());
        assertThat(home.get("mapVersion").asLong()).isEqualTo(4);
        String island = home.get("island").asText();
        assertThat(home.get("sip").asText())
                .isEqualTo(island.equals("fs-01") ? "sip:10.0.0.1:5080" : "sip:10.0.0.2:5080");
        String basic = "Basic " + Base64.getEncoder().encodeToString(("fs:" + ROUTE).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> text = get("?user=1000&domain=a.example&format=text", basic);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).isEqualTo(island + " " + home.get("sip").asText() + "\n");
        down.add(island);
        JsonNode spare = Json.MAPPER.readTree(
                get("?user=1000&domain=a.example", "Bearer " + ROUTE).body());
        assertThat(spare.get("island").asText()).isEqualTo("spare-1");
        assertThat(spare.get("role").asText()).isEqualTo("spare");
        assertThat(spare.get("home").asText()).isEqualTo(island);
        assertThat(metrics.routeLookups("ok")).isEqualTo(3);
    }

    @Test
    void aMissingOrWrongTokenIs401AndBadInputIs400NamingTheField() throws Exception {
        start(twoIslands(), 1e6);
        assertThat(get("?user=1000&domain=a.example", null).statusCode()).isEqualTo(401);
        assertThat(get("?user=1000&domain=a.example", null).headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(get("?user=1000&domain=a.example", "Bearer wrong").statusCode())
                .isEqualTo(401);
        String wrongBasic = "Basic " + Base64.getEncoder().encodeToString("fs:wrong".getBytes(StandardCharsets.UTF_8));
        assertThat(get("?user=1000&domain=a.example", wrongBasic).statusCode()).isEqualTo(401);
        assertThat(get("?user=1000&domain=a.example", "Basic !!!").statusCode()).isEqualTo(401);
        assertThat(metrics.routeLookups("unauthorized")).isEqualTo(5);
        for (String[] c : new String[][] {
            {"?domain=a.example", "user"},
            {"?user=1000", "domain"},
            {"?user=%20&domain=a.example", "user"},
            {"?dest=1000", "dest"},
            {"?user=" + "9".repeat(300) + "&domain=a.example", "user"},
            {"?user=1000&domain=" + "d".repeat(300), "domain"},
        }) {
            HttpResponse<String> r = get(c[0], "Bearer " + ROUTE);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(r.body()).get("field").asText())
                    .as(c[0])
                    .isEqualTo(c[1]);
        }
        assertThat(metrics.routeLookups("bad_request")).isEqualTo(6);
        assertThat(metrics.routeLookups("ok")).isZero();
    }

    @Test
    void lookupsOverTheBudgetAre429AndCounted() throws Exception {
        start(twoIslands(), 0.001);
        HttpResponse<String> first = get("?user=1000&domain=a.example", "Bearer " + ROUTE);
        HttpResponse<String> second = get("?user=1000&domain=a.example", "Bearer " + ROUTE);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body()).contains("budget");
        assertThat(metrics.routeLookups("over_budget")).isEqualTo(1);
    }
}
