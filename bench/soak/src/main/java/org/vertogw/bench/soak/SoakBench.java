package org.vertogw.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.testing.ManagedProcess;
import org.vertogw.testing.ProductJar;

/**
 * The soak of the public edge: honest call churn through two gateways for {@code soak.minutes}, while hostile clients run
 * each attack in turn (one phase each, between two phases without attackers that are the baseline) and islands and
 * the second gateway are killed and restarted at random. Writes {@code target/soak-report.md} and prints the
 * verdicts; exits 1 when one fails. See bench/soak/README.md.
 *
 * <p>Properties: {@code soak.minutes} (30), {@code soak.honest} (8 users), {@code soak.hostileThreads} (2 per
 * attack), {@code soak.chaosSeconds} (mean time between kills, 60), {@code soak.warmupSeconds} (20),
 * {@code soak.gatewayHeap} (384m), {@code soak.seed}, {@code soak.jar} (the product jar).
 */
public final class SoakBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        SoakSettings s = SoakSettings.fromSystemProperties();
        Path dir = Path.of("target", "soak");
        Files.createDirectories(dir);
        List<Attack> attacks = new ArrayList<>(EdgeAttacks.all());
        attacks.addAll(SessionAttacks.all());
        List<String> phases = new ArrayList<>();
        phases.add("baseline");
        attacks.forEach(a -> phases.add(a.name()));
        phases.add("baseline-2");
        long phaseMillis = Math.max(5000, (long) (s.minutes() * 60_000 / phases.size()));
        System.out.printf(
                "soak: %d phases of %d s, %d honest users, %d hostile threads per attack%n",
                phases.size(), phaseMillis / 1000, s.honest(), s.hostileThreads());
        Instant began = Instant.now();
        SoakCluster cluster = new SoakCluster(s.jar(), dir, s.gatewayHeap());
        // the gateways and islands are child processes: they go when the soak goes, however it ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(cluster), "soak-cleanup"));
        boolean passed;
        try (MediaEngine browsers = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .build())) {
            cluster.start(2);
            Map<String, String> homes = homes(s, cluster);
            List<GatewayProbe> probes = List.of(new GatewayProbe(cluster.port(0)), new GatewayProbe(cluster.port(1)));
            SoakRun run = new SoakRun(cluster, browsers, s, homes.keySet());
            run.honest("warm-up", Duration.ofSeconds(s.warmupSeconds()));
            run.awaitQuiet(probes, Duration.ofSeconds(60));
            List<GatewayProbe.Figures> start = run.figures(probes, true);
            Chaos chaos = new Chaos(cluster, List.of("fs-01", "fs-02", "spare-1", "gw-2"), s.chaosMillis(), s.seed());
            Thread chaosThread = new Thread(chaos, "chaos");
            chaosThread.start();
            run.startHonest();
            Sampler sampler = new Sampler(cluster, probes);
            sampler.start();
            Map<String, Map<String, Long>> refusals = new LinkedHashMap<>();
            Map<String, Map<String, Long>> outcomes = new LinkedHashMap<>();
            Map<String, List<Map<String, Integer>>> fdsByPhase = new LinkedHashMap<>();
            for (String phase : phases) {
                Attack attack = attacks.stream()
                        .filter(a -> a.name().equals(phase))
                        .findFirst()
                        .orElse(null);
                Map<String, Long> before = sampler.refusalCounters();
                Map<String, Long> seen = run.phase(phase, attack, attacks.indexOf(attack), phaseMillis);
                if (attack != null) {
                    outcomes.put(phase, seen);
                }
                refusals.put(phase, Sampler.delta(before, sampler.refusalCounters()));
                List<Map<String, Integer>> fds = new ArrayList<>();
                for (int i = 0; i < cluster.gatewayCount(); i++) {
                    fds.add(GatewayProbe.fdKinds(cluster.gateway(i).pid()));
                }
                fdsByPhase.put(phase, fds);
                System.out.printf(
                        "  %s done (%d honest rounds so far)%n",
                        phase, run.cycles().size());
            }
            chaos.stop();
            run.stopHonest();
            chaosThread.join();
            sampler.stop();
            run.awaitQuiet(probes, Duration.ofSeconds(90));
            List<GatewayProbe.Figures> end = run.figures(probes, true);
            SoakReport report = new SoakReport(s, began, phaseMillis, attacks, homes);
            String md = report.render(
                    List.copyOf(run.cycles()),
                    chaos.outages(),
                    start,
                    end,
                    sampler.maxima(),
                    outcomes,
                    refusals,
                    oomSeen(dir),
                    fdsByPhase);
            Path out = Path.of("target", "soak-report.md");
            Files.writeString(out, md);
            System.out.println(report.verdictLines());
            System.out.println("report: " + out.toAbsolutePath());
            probes.forEach(GatewayProbe::close);
            passed = report.allPassed();
        } finally {
            close(cluster);
        }
        if (!passed) {
            System.exit(1);
        }
    }

    private static void close(SoakCluster cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            System.out.println("stopping the cluster: " + e);
        }
    }

    /** Each honest user's home island, from the product's own {@code route} command over the soak's map. */
    private static Map<String, String> homes(SoakSettings s, SoakCluster cluster) throws Exception {
        Map<String, String> homes = new LinkedHashMap<>();
        for (String user : s.honestUsers()) {
            String[] ud = user.split("@");
            ManagedProcess.Result r = ManagedProcess.run(
                    ProductJar.command(
                            s.jar(),
                            List.of(),
                            "route",
                            "--map",
                            cluster.mapFile().toString(),
                            "--user",
                            ud[0],
                            "--domain",
                            ud[1]),
                    null);
            JsonNode j = JSON.readTree(r.stdout());
            homes.put(user, j.path("home").asText());
        }
        return homes;
    }

    /** Whether a gateway or island log mentions an OutOfMemoryError. */
    private static boolean oomSeen(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                try (var lines = Files.lines(f, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    if (lines.anyMatch(l -> l.contains("OutOfMemoryError"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private SoakBench() {}
}
