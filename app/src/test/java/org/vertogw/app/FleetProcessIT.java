package org.vertogw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertogw.testing.Await;
import org.vertogw.testing.EtcdCluster;
import org.vertogw.testing.InsecureHttp;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;
import org.vertogw.testing.VertoTestClient;

/**
 * A fleet of two gateway processes of the jar, configured by files with a {@code fleet} section, on a real
 * three-member etcd cluster, in front of island processes and a spare: a map written through one gateway is served
 * by the other, a stale one is refused, and a killed island's partition moves to the spare for both gateways in
 * one epoch.
 */
class FleetProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "fleet-process-token";
    /** The gateways' output, kept for a failure's diagnosis. */
    private static final Path LOGS = Path.of("target", "fleet-process-logs");

    @Test
    void twoGatewayProcessesShareTheMapAndMoveADeadIslandsPartitionTogether(@TempDir Path dir) throws Exception {
        assumeTrue(EtcdCluster.available(), "etcd-server is not installed (test.sh installs it)");
        Map<String, ManagedProcess> islands = new LinkedHashMap<>();
        List<ManagedProcess> gateways = new ArrayList<>();
        try (EtcdCluster etcd = EtcdCluster.start(3)) {
            Map<String, String> urls = new LinkedHashMap<>();
            for (String id : List.of("fs-01", "fs-02", "spare-1")) {
                ManagedProcess p = ProductJar.process(id, "island", "--id", id, "--port", "0");
                islands.put(id, p);
                urls.put(id, p.start("Island ready: " + id + " (ws://\\S+)"));
            }
            Files.writeString(dir.resolve("map.json"), map(1, urls));
            List<String> https = new ArrayList<>();
            for (String id : List.of("gw-1", "gw-2")) {
                ObjectNode c = JSON.createObjectNode();
                c.put("id", id);
                c.put("mode", "demo");
                c.putObject("listen").put("host", "127.0.0.1").put("port", 0);
                c.put("partitionMap", "map.json");
                c.put("dataDir", "data-" + id);
                // probes patient enough that a starved shared machine does not flap them (a refused connect still
                // counts at once, so a killed island is down within three ticks)
                c.putObject("health")
                        .put("intervalMs", 500)
                        .put("timeoutMs", 2000)
                        .put("downAfter", 3)
                        .put("upAfter", 2);
                c.putObject("admin").put("token", TOKEN);
                ObjectNode fleet = c.putObject("fleet");
                etcd.endpoints().forEach(fleet.putArray("etcd")::add);
                fleet.put("prefix", "/process-fleet").put("leaseTtlMs", 3000).put("resyncMs", 500);
                Path config = dir.resolve(id + ".json");
                Files.writeString(config, c.toString());
                Files.createDirectories(LOGS);
                ManagedProcess gw = new ManagedProcess(
                        id, ProductJar.command(List.of("-Xmx256m"), "gateway", "--config", config.toString()), LOGS);
                gateways.add(gw);
                https.add(gw.start("Gateway ready: (https://\\S+)"));
            }
            Await.until(
                    "both gateways list each other",
                    Duration.ofSeconds(20),
                    () -> https.stream()
                            .allMatch(u ->
                                    get(u, "v1/partition-map").path("gateways").size() == 2));

            assertThat(put(https.get(0), map(2, urls)).statusCode()).isEqualTo(200);
            Await.until(
                    "gw-2 serves version 2 within a second",
                    Duration.ofSeconds(1),
                    () -> get(https.get(1), "v1/partition-map").path("version").asLong() == 2);
            HttpResponse<String> stale = put(https.get(1), map(2, urls));
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.body()).contains("does not grow past the fleet's version 2");

            assertThat(https)
                    .as("every partition is home while its island lives")
                    .allMatch(u -> get(u, "v1/admin/fleet")
                            .path("partitions")
                            .path("fs-01")
                            .path("island")
                            .asText()
                            .equals("fs-01"));
            islands.get("fs-01").kill();
            Await.until(
                    "both gateways place fs-01's partition on the spare at epoch 1",
                    Duration.ofSeconds(20),
                    () -> https.stream().allMatch(u -> {
                        JsonNode p = get(u, "v1/admin/fleet").path("partitions").path("fs-01");
                        return p.path("island").asText().equals("spare-1")
                                && p.path("epoch").asLong() == 1;
                    }));
            for (int i = 0; i < 2; i++) {
                URI wss = URI.create(https.get(i).replace("https://", "wss://") + "verto");
                try (VertoTestClient c = VertoTestClient.connect(wss)) {
                    JsonNode r = c.call("login", loginParams("100" + i + "@a.example", "1234", "proc-" + i));
                    assertThat(r.path("result").path("gateway").path("island").asText(r.toString()))
                            .isEqualTo("spare-1");
                }
            }
        } finally {
            for (ManagedProcess g : gateways) {
                g.close();
            }
            for (ManagedProcess p : islands.values()) {
                p.close();
            }
        }
    }

    private static String map(long version, Map<String, String> urls) {
        ObjectNode m = JSON.createObjectNode();
        m.put("version", version);
        m.put("partitionBy", "domain");
        urls.forEach((id, url) -> {
            ObjectNode i = m.withArray("islands").addObject().put("id", id).put("verto", url);
            if (id.startsWith("spare")) {
                i.put("role", "spare");
            }
        });
        m.putObject("pins").put("a.example", "fs-01");
        return m.toString();
    }

    private static JsonNode get(String base, String path) {
        try {
            HttpResponse<String> r = InsecureHttp.client()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static HttpResponse<String> put(String base, String body) throws Exception {
        return InsecureHttp.client()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "v1/admin/partition-map"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
