package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway without a {@code fleet} section runs on its own as before: no etcd client, no fleet view, no fleet
 * field in {@code /healthz} nor fleet metrics, and a map {@code PUT} applies to this gateway alone.
 */
class LoneGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static GatewayFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new GatewayFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void withoutAFleetSectionNothingOfTheFleetRuns() throws Exception {
        assertThat(fx.gateway.fleet()).isNull();
        assertThat(fx.get("/v1/admin/fleet").statusCode()).isEqualTo(404);
        JsonNode health = JSON.readTree(fx.get("/healthz").body());
        assertThat(health.has("fleet")).isFalse();
        assertThat(fx.get("/metrics").body()).doesNotContain("verto_gateway_fleet_");
    }

    @Test
    void aMapPutAppliesToThisGatewayAlone() throws Exception {
        String body = "{\"version\":7,\"islands\":[" + "{\"id\":\"fs-01\",\"verto\":\""
                + fx.islands.get("fs-01").uri() + "\"}]}";
        var r = fx.send(HttpRequest.newBuilder(fx.gateway.httpsUri().resolve("/v1/admin/partition-map"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fx.gateway.router().map().version()).isEqualTo(7);
    }
}
