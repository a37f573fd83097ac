package org.vertogw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vertogw.testing.VertoTestClient.OFFER;
import static org.vertogw.testing.VertoTestClient.callParams;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertogw.testing.Await;
import org.vertogw.testing.EtcdCluster;
import org.vertogw.testing.InsecureHttp;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;
import org.vertogw.testing.VertoTestClient;

/**
 * Failback with processes of the jar: two gateways of a fleet on a real three-member etcd cluster, islands and a
 * spare as processes. A killed island's partition goes to the spare; restarted, under {@code when-idle} it stays on
 * the spare while a call of its domain (to the 9196 echo, through a gateway) lasts, and goes back whole once the
 * call ended and home has been up for {@code homeUpForMs}; under {@code manual} only {@code POST /v1/admin/move}
 * brings it back. A checker reads every session of the domain from both gateways' {@code /v1/admin/sessions}
 * throughout and bounds the window in which two islands served it at once.
 */
class FleetFailbackProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "fleet-failback-token";
    private static final String DOMAIN = "a.example";
    private static final Path LOGS = Path.of("target", "fleet-failback-logs");
    private static final long HOME_UP_FOR_MS = 1500;
    /** One client, its connections kept alive: the checker and the waits poll both gateways all the time. */
    private static final HttpClient HTTP = InsecureHttp.client();

    private final Map<String, ManagedProcess> islands = new LinkedHashMap<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final List<String> https = new ArrayList<>();

    @Test
    void whenIdleWaitsForTheCallAndManualWaitsForTheOperator(@TempDir Path dir) throws Exception {
        assumeTrue(EtcdCluster.available(), "etcd-server is not installed (test.sh installs it)");
        Files.createDirectories(LOGS);
        List<ManagedProcess> gateways = new ArrayList<>();
        try (EtcdCluster etcd = EtcdCluster.start(3)) {
            for (String id : List.of("fs-01", "fs-02", "spare-1")) {
                int port;
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                ManagedProcess p = new ManagedProcess(
                        id, ProductJar.command(List.of("-Xmx192m"), "island", "--id", id, "--port", "" + port), LOGS);
                islands.put(id, p);
                urls.put(id, p.start("Island ready: " + id + " (ws://\\S+)"));
            }
            Files.writeString(dir.resolve("map.json"), map(1, "when-idle"));
            for (String id : List.of("gw-1", "gw-2")) {
                gateways.add(gateway(dir, id, etcd));
            }
            Await.until(
                    "both gateways list each other",
                    Duration.ofSeconds(30),
                    () -> https.stream()
                            .allMatch(u ->
                                    get(u, "v1/partition-map").path("gateways").size() == 2));

            for (String u : https) {
                JsonNode view = get(u, "v1/admin/fleet");
                assertThat(view.path("failback").asText()).as(view.toString()).isEqualTo("when-idle");
                assertThat(view.path("failbackHomeUpForMs").asLong()).isEqualTo(HOME_UP_FOR_MS);
            }
            try (SessionChecker checker = new SessionChecker()) {
                whenIdle();
                assertThat(put(https.get(1), map(2, "manual")).statusCode()).isEqualTo(200);
                Await.until(
                        "both gateways apply the manual policy",
                        () -> https.stream()
                                .allMatch(u -> get(u, "v1/admin/fleet")
                                        .path("failback")
                                        .asText()
                                        .equals("manual")));
                manual();
                assertThat(checker.samples()).isGreaterThan(20);
                System.out.println(
                        "cut-over window (two islands serving " + DOMAIN + ", read over /v1/admin/sessions): "
                                + checker.longestSplitMs() + " ms over " + checker.samples() + " samples");
                assertThat(checker.longestSplitMs())
                        .as("the longest time two islands served " + DOMAIN + " at once")
                        .isLessThan(3000);
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

    private void whenIdle() throws Exception {
        VertoTestClient viaOne = login(0, "1000", "wi-1", "fs-01");
        VertoTestClient viaTwo = login(1, "1001", "wi-2", "fs-01");

        islands.get("fs-01").kill();
        Await.until("both gateways place fs-01 on the spare at epoch 1", Duration.ofSeconds(30), placed("spare-1", 1));
        assertThat(viaOne.awaitClose()).isEqualTo(1013);
        assertThat(viaTwo.awaitClose()).isEqualTo(1013);
        viaOne.close();
        viaTwo.close();
        viaOne = login(0, "1000", "wi-3", "spare-1");
        viaTwo = login(1, "1001", "wi-4", "spare-1");
        String callId = UUID.randomUUID().toString();
        assertThat(viaTwo.call("verto.invite", inviteParams(callId, "9196", "wi-4", OFFER))
                        .has("result"))
                .isTrue();
        viaTwo.awaitRequest("verto.answer", callId);
        Await.until(
                "the fleet counts the call on the spare",
                () -> get(https.get(0), "v1/admin/fleet")
                                .path("islands")
                                .path("spare-1")
                                .path("calls")
                                .asInt()
                        == 1);

        islands.get("fs-01").start("Island ready: fs-01");
        Await.until("the fleet finds fs-01 up", Duration.ofSeconds(30), fleetFinds("up"));
        holds(
                "the partition stays on the spare while its call lasts (home up for longer than homeUpForMs)",
                Duration.ofMillis(HOME_UP_FOR_MS * 2),
                placed("spare-1", 1));

        long bye = System.nanoTime();
        assertThat(viaTwo.call("verto.bye", callParams(callId, "wi-4")).has("result"))
                .isTrue();
        Await.until(
                "the partition goes home, whole, once idle",
                Duration.ofSeconds(30),
                placed("fs-01", 2),
                () -> get(https.get(0), "v1/admin/fleet").toString());
        System.out.println("when-idle failback: " + (System.nanoTime() - bye) / 1_000_000
                + " ms from the call's end to both gateways placing fs-01 home");
        // each client logs in again as soon as its own gateway closes it, as an SDK does: the other gateway's
        // client may still be on the spare then, which is the cut-over window the checker measures
        assertThat(viaOne.awaitClose()).isEqualTo(1013);
        viaOne.close();
        VertoTestClient backOne = login(0, "1000", "wi-5", "fs-01");
        assertThat(viaTwo.awaitClose()).isEqualTo(1013);
        viaTwo.close();
        login(1, "1001", "wi-6", "fs-01").close();
        backOne.close();
    }

    private void manual() throws Exception {
        islands.get("fs-01").kill();
        Await.until("both gateways place fs-01 on the spare at epoch 3", Duration.ofSeconds(30), placed("spare-1", 3));
        islands.get("fs-01").start("Island ready: fs-01");
        Await.until("the fleet finds fs-01 up", Duration.ofSeconds(30), fleetFinds("up"));
        try (VertoTestClient c = login(1, "1001", "m-1", "spare-1")) {
            holds(
                    "under manual the partition stays on the spare",
                    Duration.ofMillis(HOME_UP_FOR_MS * 2),
                    placed("spare-1", 3));
            HttpResponse<String> r = post(https.get(1), "{\"partition\":\"fs-01\",\"island\":\"fs-01\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Await.until("both gateways place fs-01 home at epoch 4", placed("fs-01", 4));
            assertThat(c.awaitClose()).isEqualTo(1013);
        }
        login(0, "1000", "m-2", "fs-01").close();
    }

    /** A client of gateway {@code gw} logged in as {@code user} of the domain, asserted on {@code island}. */
    private VertoTestClient login(int gw, String user, String sessid, String island) throws Exception {
        VertoTestClient c = VertoTestClient.connect(URI.create(https.get(gw).replace("https://", "wss://") + "verto"));
        JsonNode r = c.call("login", loginParams(user + "@" + DOMAIN, "1234", sessid));
        assertThat(r.path("result").path("gateway").path("island").asText(r.toString()))
                .isEqualTo(island);
        return c;
    }

    private BooleanSupplier placed(String island, long epoch) {
        return () -> https.stream().allMatch(u -> {
            JsonNode p = get(u, "v1/admin/fleet").path("partitions").path("fs-01");
            return p.path("island").asText().equals(island) && p.path("epoch").asLong() == epoch;
        });
    }

    private BooleanSupplier fleetFinds(String verdict) {
        return () -> https.stream()
                .allMatch(u -> get(u, "v1/admin/fleet")
                        .path("islands")
                        .path("fs-01")
                        .path("fleet")
                        .asText()
                        .equals(verdict));
    }

    private ManagedProcess gateway(Path dir, String id, EtcdCluster etcd) throws Exception {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("mode", "demo");
        c.putObject("listen").put("host", "127.0.0.1").put("port", 0);
        c.put("partitionMap", "map.json");
        c.put("dataDir", "data-" + id);
        // patient probes, as in FleetProcessIT: a refused connect counts at once, so a killed island is down fast
        c.putObject("health")
                .put("intervalMs", 500)
                .put("timeoutMs", 2000)
                .put("downAfter", 3)
                .put("upAfter", 2);
        c.putObject("admin").put("token", TOKEN);
        // every client of the test comes from 127.0.0.1
        c.putObject("limits").put("connectionsPerSecondPerAddress", 1000).put("connectionBurstPerAddress", 1000);
        ObjectNode fleet = c.putObject("fleet");
        etcd.endpoints().forEach(fleet.putArray("etcd")::add);
        fleet.put("prefix", "/failback-fleet").put("leaseTtlMs", 3000).put("resyncMs", 500);
        Path config = dir.resolve(id + ".json");
        Files.writeString(config, c.toString());
        ManagedProcess gw = new ManagedProcess(
                id, ProductJar.command(List.of("-Xmx256m"), "gateway", "--config", config.toString()), LOGS);
        https.add(gw.start("Gateway ready: (https://\\S+)"));
        return gw;
    }

    private String map(long version, String policy) {
        ObjectNode m = JSON.createObjectNode();
        m.put("version", version);
        m.put("partitionBy", "domain");
        urls.forEach((id, url) -> {
            ObjectNode i = m.withArray("islands").addObject().put("id", id).put("verto", url);
            if (id.startsWith("spare")) {
                i.put("role", "spare");
            }
        });
        m.putObject("pins").put(DOMAIN, "fs-01");
        m.putObject("failback").put("policy", policy).put("homeUpForMs", HOME_UP_FOR_MS);
        return m.toString();
    }

    /** Asserts {@code condition} throughout {@code period}, sampled every 50 ms. */
    private static void holds(String what, Duration period, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            assertThat(condition.getAsBoolean()).as(what).isTrue();
            Thread.sleep(50); // the sampling period of an assertion that must hold throughout, not a wait
        }
    }

    private static JsonNode get(String base, String path) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + TOKEN)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException | InterruptedException e) {
            return JSON.createObjectNode();
        }
    }

    private static HttpResponse<String> put(String base, String body) throws Exception {
        return send(base + "v1/admin/partition-map", "PUT", body);
    }

    private static HttpResponse<String> post(String base, String body) throws Exception {
        return send(base + "v1/admin/move", "POST", body);
    }

    private static HttpResponse<String> send(String url, String method, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Reads every session of the domain from both gateways' {@code /v1/admin/sessions}, one after the other, over
     * and over, and measures the windows in which two islands served the domain at once.
     */
    private final class SessionChecker implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::run, "session-checker");
        private volatile long longestSplitMs;
        private volatile long samples;

        SessionChecker() {
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            long splitSince = 0;
            while (running.get()) {
                Set<String> serving = new HashSet<>();
                for (String u : https) {
                    for (JsonNode s : get(u, "v1/admin/sessions")) {
                        if (s.path("login").asText().endsWith("@" + DOMAIN)
                                && !s.path("island").isNull()
                                && !s.path("island").asText().isEmpty()) {
                            serving.add(s.path("island").asText());
                        }
                    }
                }
                long now = System.nanoTime();
                if (serving.size() > 1) {
                    splitSince = splitSince == 0 ? now : splitSince;
                    longestSplitMs = Math.max(longestSplitMs, (now - splitSince) / 1_000_000);
                } else {
                    splitSince = 0;
                }
                samples++;
                try {
                    Thread.sleep(20); // the sampling period (within the gateways' connection rate), not a wait
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long longestSplitMs() {
            return longestSplitMs;
        }

        long samples() {
            return samples;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }
    }
}
