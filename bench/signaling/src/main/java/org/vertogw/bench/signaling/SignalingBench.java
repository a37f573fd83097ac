package org.vertogw.bench.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Signaling load through the gateway against the same load directly on an island, in one run: 1,000 sequential
 * logins (each on a fresh connection) and 1,000 concurrent logged-in sessions. Reports the latency the gateway adds
 * (p50/p99 of login round trips) and the heap and RSS each session costs the gateway process. The island and the
 * gateway run as separate processes from the product jar.
 *
 * <p>Usage: {@code SignalingBench JAR [logins] [sessions]}.
 */
public final class SignalingBench {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "app/target/verto-gateway.jar");
        int logins = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path dir = Files.createTempDirectory("bench-signaling");
        try (ServerProcess island =
                new ServerProcess(jar, "Island ready: \\S+ (ws://\\S+)", "island", "--id", "fs-01", "--port", "0")) {
            URI islandUri = URI.create(island.awaitReady());
            Files.writeString(
                    dir.resolve("map.json"),
                    "{\"version\":1,\"islands\":[{\"id\":\"fs-01\",\"verto\":\"" + islandUri + "\"}]}");
            Files.writeString(
                    dir.resolve("gateway.json"),
                    "{\"mode\":\"demo\",\"listen\":{\"host\":\"127.0.0.1\",\"port\":0,\"acceptQueue\":"
                            + Integer.getInteger("bench.acceptQueue", 1024) + "},"
                            + "\"partitionMap\":\"map.json\",\"dataDir\":\"data\","
                            // a loaded island answers probes late; the bench measures signaling, not the verdict
                            + "\"health\":{\"downAfter\":10},"
                            + "\"limits\":{\"connectionsPerAddress\":100000,"
                            + "\"connectionsPerSecondPerAddress\":100000,\"connectionBurstPerAddress\":100000,"
                            + "\"unauthenticatedPerAddress\":100000,\"maxUnauthenticated\":100000,"
                            + "\"maxSessions\":100000,\"messagesPerSecond\":1000,\"messageBurst\":1000}}");
            try (ServerProcess gateway = new ServerProcess(
                            jar,
                            "Gateway ready: https://localhost:(\\d+)/",
                            "gateway",
                            "--config",
                            dir.resolve("gateway.json").toString());
                    BenchClient client = new BenchClient()) {
                int gatewayPort = Integer.parseInt(gateway.awaitReady());
                URI gw = URI.create("wss://localhost:" + gatewayPort + "/verto");
                LoginSplit split = new LoginSplit(gatewayPort);
                report("machine", machine());
                // Until the JITs have compiled what logins run: a large application keeps compiling for thousands
                // of logins, and on two cores the compiler threads compete with the logins for the CPU. Rounds of
                // 500 logins each way until bench.warmupSettledRounds rounds in a row each cost the two servers
                // under bench.warmupCompileMs of compiling (C2 compiles in bursts: one quiet round says little).
                int rounds = 0;
                int quiet = 0;
                long settled = Long.getLong("bench.warmupCompileMs", 250);
                int settledRounds = Integer.getInteger("bench.warmupSettledRounds", 3);
                int maxRounds = Integer.getInteger("bench.warmupRounds", 30);
                StringBuilder perRound = new StringBuilder();
                while (quiet < settledRounds && rounds < maxRounds) {
                    long c0 = gateway.compileMillis() + island.compileMillis();
                    sequential(client, islandUri, 500, null, "warm-up direct");
                    // what the measurement does around its logins, each round too: a /metrics scrape (as Prometheus
                    // does in production) and the CPU readings over JMX. Left out of the warm-up, the scrape's
                    // first HTTPS request and handshake deoptimized the TLS and HTTP code the logins run, which then
                    // compiled again during the measured logins.
                    split.start();
                    gateway.cpuNanos();
                    island.cpuNanos();
                    sequential(client, gw, 500, null, "warm-up gateway");
                    long compiling = gateway.compileMillis() + island.compileMillis() - c0;
                    quiet = compiling < settled ? quiet + 1 : 0;
                    perRound.append(rounds == 0 ? "" : " ").append(compiling);
                    rounds++;
                }
                report(
                        "warm-up",
                        String.format(
                                Locale.ROOT,
                                "%d logins each way; ms compiling per round of 500 (gateway and island): %s",
                                rounds * 500,
                                perRound));
                Histogram directLogin = new Histogram(3);
                Histogram gwLogin = new Histogram(3);
                Histogram directConnect = new Histogram(3);
                Histogram gwConnect = new Histogram(3);
                long[] i0 = {island.cpuNanos(), island.compileMillis()};
                sequential(client, islandUri, logins, new Histogram[] {directConnect, directLogin}, "direct");
                long[] i1 = {island.cpuNanos(), island.compileMillis()};
                long[] g1 = {gateway.cpuNanos(), gateway.compileMillis()};
                split.start();
                sequential(client, gw, logins, new Histogram[] {gwConnect, gwLogin}, "gateway");
                String gatewayView = split.finish(gwLogin.getMean());
                long[] i2 = {island.cpuNanos(), island.compileMillis()};
                long[] g2 = {gateway.cpuNanos(), gateway.compileMillis()};
                report("sequential logins", logins + " each on a fresh connection (connect, login, close)");
                table("login round trip", directLogin, gwLogin);
                report("login through the gateway, its own view", gatewayView);
                table("connect (TLS for the gateway, plain ws for the island)", directConnect, gwConnect);
                report(
                        "CPU per connect+login+close",
                        String.format(
                                Locale.ROOT,
                                "island direct %.0f µs | via gateway: gateway %.0f µs (its TLS handshake included),"
                                        + " island %.0f µs",
                                (i1[0] - i0[0]) / 1e3 / logins,
                                (g2[0] - g1[0]) / 1e3 / logins,
                                (i2[0] - i1[0]) / 1e3 / logins));
                report(
                        "JIT compiling meanwhile",
                        String.format(
                                Locale.ROOT,
                                "island %d ms during the direct logins, gateway %d ms and island %d ms during"
                                        + " those through it",
                                i1[1] - i0[1],
                                g2[1] - g1[1],
                                i2[1] - i1[1]));
                int rate = Integer.getInteger("bench.rate", 1000);
                int rateSeconds = Integer.getInteger("bench.rateSeconds", 60);
                if (rateSeconds > 0) {
                    LoginRate.Result d = LoginRate.run(client, islandUri, rate, rateSeconds);
                    LoginRate.Result g = LoginRate.run(client, gw, rate, rateSeconds);
                    report(
                            "logins at a rate",
                            rate + "/s for " + rateSeconds + " s, each connect+login+close, from when due");
                    table("connect+login at the rate", d.latency(), g.latency());
                    report(
                            "  direct",
                            String.format(
                                    Locale.ROOT,
                                    "achieved %.0f/s, failures %d, max %d µs, listen overflows %d, drops %d",
                                    d.achievedPerSecond(),
                                    d.failures(),
                                    d.latency().getMaxValue(),
                                    d.listenOverflows(),
                                    d.listenDrops()));
                    report(
                            "  gateway",
                            String.format(
                                    Locale.ROOT,
                                    "achieved %.0f/s, failures %d, max %d µs, listen overflows %d, drops %d",
                                    g.achievedPerSecond(),
                                    g.failures(),
                                    g.latency().getMaxValue(),
                                    g.listenOverflows(),
                                    g.listenDrops()));
                }

                java.util.Map<String, long[]> histogram0 = gateway.histogram();
                long gwHeap0 = gateway.heapAfterGc();
                gateway.nativeMemory("baseline");
                long gwRss0 = gateway.rss();
                long isHeap0 = island.heapAfterGc();
                Histogram gwConcurrent = new Histogram(3);
                List<BenchClient.Connection> open = concurrent(client, gw, sessions, gwConcurrent);
                long gwHeap1 = gateway.heapAfterGc();
                long gwRss1 = gateway.rss();
                String nmt = gateway.nativeMemory("summary.diff");
                long isHeap1 = island.heapAfterGc();
                int idleSeconds = Integer.getInteger("bench.idleSeconds", 20);
                int echoEvery = Integer.getInteger("bench.echoEverySeconds", 10);
                IdleEcho.Result gwEcho = IdleEcho.run(open, idleSeconds, echoEvery);
                String histogram = ServerProcess.growth(
                        histogram0, gateway.histogram(), sessions, Integer.getInteger("bench.histogramTop", 25));
                open.forEach(BenchClient.Connection::close);
                Histogram directConcurrent = new Histogram(3);
                long isHeapD0 = island.heapAfterGc();
                List<BenchClient.Connection> direct = concurrent(client, islandUri, sessions, directConcurrent);
                long isHeapD1 = island.heapAfterGc();
                IdleEcho.Result directEcho = IdleEcho.run(direct, idleSeconds, echoEvery);
                direct.forEach(BenchClient.Connection::close);
                report("concurrent sessions", sessions + " logged in at once, opened in batches of 100");
                report(
                        "WebSocket extensions",
                        "offered " + (BenchClient.OFFER_DEFLATE ? "permessage-deflate" : "none")
                                + "; accepted by the gateway " + open.get(0).extensions() + ", by the island "
                                + direct.get(0).extensions());
                table("login round trip under load", directConcurrent, gwConcurrent);
                report("gateway heap per session", kib((gwHeap1 - gwHeap0) / sessions) + " KiB (after full GC)");
                report("gateway RSS per session", kib((gwRss1 - gwRss0) / sessions) + " KiB");
                report("island heap per session via gateway", kib((isHeap1 - isHeap0) / sessions) + " KiB");
                report("island heap per session direct", kib((isHeapD1 - isHeapD0) / sessions) + " KiB (baseline)");
                report(
                        "echo while the sessions idle",
                        "each session one echo every " + echoEvery + " s for " + idleSeconds + " s; sent direct "
                                + directEcho.sent() + " (failed " + directEcho.failures() + "), via gateway "
                                + gwEcho.sent() + " (failed " + gwEcho.failures() + ")");
                table("echo round trip", directEcho.latency(), gwEcho.latency());
                System.out.println(
                        "gateway heap growth per session, by class (jcmd GC.class_histogram, before and with the sessions open):");
                System.out.print(histogram);
                System.out.println(
                        "gateway native memory with the sessions open against before them (NMT summary.diff):");
                nmt.lines()
                        .filter(l -> l.contains("committed=") && l.trim().startsWith("-") || l.startsWith("Total"))
                        .forEach(System.out::println);
            }
        }
    }

    private static void sequential(BenchClient client, URI uri, int n, Histogram[] out, String label) throws Exception {
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            BenchClient.Connection c = client.connectNow(uri);
            long t1 = System.nanoTime();
            JsonNode r = c.login(
                            (1000 + i % 20) + "@a.example", UUID.randomUUID().toString())
                    .get(30, TimeUnit.SECONDS);
            long t2 = System.nanoTime();
            if (!r.has("result")) {
                throw new IllegalStateException(label + ": login failed: " + r);
            }
            c.close();
            if (out != null) {
                out[0].recordValue((t1 - t0) / 1000);
                out[1].recordValue((t2 - t1) / 1000);
            }
        }
    }

    private static List<BenchClient.Connection> concurrent(BenchClient client, URI uri, int n, Histogram latency)
            throws Exception {
        List<BenchClient.Connection> open = new ArrayList<>();
        for (int base = 0; base < n; base += 100) {
            List<CompletableFuture<BenchClient.Connection>> batch = new ArrayList<>();
            for (int i = base; i < Math.min(n, base + 100); i++) {
                batch.add(client.connect(uri));
            }
            List<CompletableFuture<JsonNode>> logins = new ArrayList<>();
            List<Long> starts = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                BenchClient.Connection c = batch.get(i).get(30, TimeUnit.SECONDS);
                open.add(c);
                starts.add(System.nanoTime());
                logins.add(c.login(
                        (1000 + (base + i) % 20) + "@a.example",
                        UUID.randomUUID().toString()));
            }
            for (int i = 0; i < logins.size(); i++) {
                final long start = starts.get(i);
                JsonNode r = logins.get(i).get(30, TimeUnit.SECONDS);
                if (!r.has("result")) {
                    throw new IllegalStateException("login failed: " + r);
                }
                latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            }
        }
        return open;
    }

    private static void table(String what, Histogram direct, Histogram gateway) {
        report(
                what,
                String.format(
                        Locale.ROOT,
                        "direct p50 %.0f µs p99 %.0f µs | gateway p50 %.0f µs p99 %.0f µs | added p50 %.0f µs p99 %.0f µs | ratio p50 %.2f",
                        (double) direct.getValueAtPercentile(50),
                        (double) direct.getValueAtPercentile(99),
                        (double) gateway.getValueAtPercentile(50),
                        (double) gateway.getValueAtPercentile(99),
                        (double) gateway.getValueAtPercentile(50) - direct.getValueAtPercentile(50),
                        (double) gateway.getValueAtPercentile(99) - direct.getValueAtPercentile(99),
                        gateway.getValueAtPercentile(50) / (double) Math.max(1, direct.getValueAtPercentile(50))));
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 2))
                .orElse("?");
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", Java "
                + System.getProperty("java.version");
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0);
    }

    private static void report(String what, String value) {
        System.out.printf("%-45s %s%n", what, value);
    }

    private SignalingBench() {}
}
