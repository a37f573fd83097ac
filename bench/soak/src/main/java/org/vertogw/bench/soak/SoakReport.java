package org.vertogw.bench.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * The soak's report: honest latency per phase against the baseline phases of the same run, the honest rounds that
 * failed and whether a killed component explains them, each gateway's resources at the start and the end, the
 * outages, what the attacks met and the gateways' refusal counters. Also the verdicts.
 */
final class SoakReport {

    /** Login p99 under an attack may be at most this many times the baseline's. */
    static final double LOGIN_P99_RATIO = 2.0;
    /** A round within this long of an outage of one of its components (or after it) is excused if it fails. */
    static final long GRACE_NANOS = Duration.ofSeconds(5).toNanos();

    private final SoakSettings settings;
    private final Instant began;
    private final long phaseMillis;
    private final List<Attack> attacks;
    private final Map<String, String> homes;
    private final List<String> verdicts = new ArrayList<>();
    private boolean passed = true;

    SoakReport(
            SoakSettings settings, Instant began, long phaseMillis, List<Attack> attacks, Map<String, String> homes) {
        this.settings = settings;
        this.began = began;
        this.phaseMillis = phaseMillis;
        this.attacks = attacks;
        this.homes = homes;
    }

    String render(
            List<HonestCaller.Cycle> cycles,
            List<Chaos.Outage> outages,
            List<GatewayProbe.Figures> start,
            List<GatewayProbe.Figures> end,
            List<long[]> maxima,
            Map<String, Map<String, Long>> outcomes,
            Map<String, Map<String, Long>> refusals,
            boolean oom,
            Map<String, List<Map<String, Integer>>> fdsByPhase)
            throws Exception {
        StringBuilder md = new StringBuilder("# Soak report\n\n");
        md.append("- started ")
                .append(began)
                .append(", ")
                .append(settings.minutes())
                .append(" min of phases of ")
                .append(phaseMillis / 1000)
                .append(" s\n");
        md.append("- machine: ").append(machine()).append('\n');
        md.append("- ")
                .append(settings.honest())
                .append(" honest users (1000-")
                .append(999 + settings.honest())
                .append("), ")
                .append(settings.hostileThreads())
                .append(" hostile threads per attack, a kill every ")
                .append(settings.chaosMillis() / 1000)
                .append(" s on average, gateways -Xmx")
                .append(settings.gatewayHeap())
                .append(", seed ")
                .append(settings.seed())
                .append("\n\n");
        phases(md, cycles, outages);
        failures(md, cycles, outages);
        resources(md, start, end, maxima, oom);
        DescriptorSection.render(md, start, end, fdsByPhase);
        outagesTable(md, outages);
        attacks(md, outcomes, refusals);
        md.append("## Verdicts\n\n");
        verdicts.forEach(v -> md.append("- ").append(v).append('\n'));
        return md.toString();
    }

    String verdictLines() {
        return String.join("\n", verdicts);
    }

    boolean allPassed() {
        return passed;
    }

    private void verdict(boolean ok, String text) {
        passed &= ok;
        verdicts.add((ok ? "PASS " : "FAIL ") + text);
    }

    /** The components a round depends on: its gateway, its user's home island, and the spare when it served it. */
    private List<String> components(HonestCaller.Cycle c) {
        List<String> list = new ArrayList<>(List.of("gw-" + (c.gateway() + 1), homes.get(c.user())));
        if (c.island() == null || c.island().startsWith("spare")) {
            list.add("spare-1");
        }
        return list;
    }

    private static boolean overlaps(HonestCaller.Cycle c, Chaos.Outage o) {
        long back = o.back() < 0 ? Long.MAX_VALUE : o.back() + GRACE_NANOS;
        return o.killed() - GRACE_NANOS < c.end() && back > c.start();
    }

    /** Whether an outage of one of the round's own components overlaps it. */
    private boolean excused(HonestCaller.Cycle c, List<Chaos.Outage> outages) {
        List<String> mine = components(c);
        return outages.stream().anyMatch(o -> mine.contains(o.component()) && overlaps(c, o));
    }

    private void phases(StringBuilder md, List<HonestCaller.Cycle> cycles, List<Chaos.Outage> outages) {
        md.append("## Honest users per phase\n\n");
        md.append(
                "Latencies (ms) of the rounds that no outage of their own gateway or island touched; ratios are p99 over the baseline phases'"
                        + " p99 (both baselines pooled). Set-up: invite sent to the answer's SDP received; media: invite"
                        + " to the first echoed RTP packet.\n\n");
        md.append("| phase | rounds | ok | failed (excused) | login p50 | login p99 | login p99 ratio |"
                + " set-up p50 | set-up p99 | set-up p99 ratio | media p50 | media p99 |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<HonestCaller.Cycle> clean =
                cycles.stream().filter(c -> !excused(c, outages)).toList();
        Histogram baseLogin = hist(clean, "baseline", HonestCaller.Cycle::loginMicros);
        Histogram baseSetup = hist(clean, "baseline", HonestCaller.Cycle::setupMicros);
        List<String> names = new ArrayList<>(List.of("baseline"));
        attacks.forEach(a -> names.add(a.name()));
        names.add("baseline-2");
        for (String phase : names) {
            List<HonestCaller.Cycle> in =
                    cycles.stream().filter(c -> c.phase().equals(phase)).toList();
            long ok = in.stream().filter(HonestCaller.Cycle::ok).count();
            long failed = in.size() - ok;
            long excused =
                    in.stream().filter(c -> !c.ok() && excused(c, outages)).count();
            Histogram login = hist(clean, phase, HonestCaller.Cycle::loginMicros);
            Histogram setup = hist(clean, phase, HonestCaller.Cycle::setupMicros);
            Histogram media = hist(clean, phase, HonestCaller.Cycle::mediaMicros);
            double loginRatio = ratio(login, baseLogin);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d (%d) | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    phase,
                    in.size(),
                    ok,
                    failed,
                    excused,
                    ms(login, 50),
                    ms(login, 99),
                    phase.startsWith("baseline") ? "" : String.format(Locale.ROOT, "%.2f", loginRatio),
                    ms(setup, 50),
                    ms(setup, 99),
                    phase.startsWith("baseline") ? "" : String.format(Locale.ROOT, "%.2f", ratio(setup, baseSetup)),
                    ms(media, 50),
                    ms(media, 99)));
            if (!phase.startsWith("baseline") && login.getTotalCount() == 0) {
                verdicts.add("N/A  " + phase + ": no honest login outside an outage to judge (a phase too short)");
            } else if (!phase.startsWith("baseline")) {
                verdict(
                        login.getTotalCount() > 0 && loginRatio <= LOGIN_P99_RATIO,
                        String.format(
                                Locale.ROOT,
                                "%s: honest login p99 %s ms is %.2f× the baseline's %s ms (at most %.1f×, %d logins)",
                                phase,
                                ms(login, 99),
                                loginRatio,
                                ms(baseLogin, 99),
                                LOGIN_P99_RATIO,
                                login.getTotalCount()));
            }
        }
        md.append('\n');
    }

    private static Histogram hist(
            List<HonestCaller.Cycle> cycles, String phase, ToLongFunction<HonestCaller.Cycle> value) {
        Histogram h = new Histogram(3);
        for (HonestCaller.Cycle c : cycles) {
            boolean match = phase.equals("baseline")
                    ? c.phase().startsWith("baseline")
                    : c.phase().equals(phase);
            long v = value.applyAsLong(c);
            if (match && v > 0) {
                h.recordValue(v);
            }
        }
        return h;
    }

    private static double ratio(Histogram h, Histogram base) {
        if (h.getTotalCount() == 0 || base.getTotalCount() == 0) {
            return Double.NaN;
        }
        return h.getValueAtPercentile(99) / (double) Math.max(1, base.getValueAtPercentile(99));
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0
                ? "-"
                : String.format(Locale.ROOT, "%.1f", h.getValueAtPercentile(percentile) / 1000.0);
    }

    private void failures(StringBuilder md, List<HonestCaller.Cycle> cycles, List<Chaos.Outage> outages) {
        List<HonestCaller.Cycle> unexplained =
                cycles.stream().filter(c -> !c.ok() && !excused(c, outages)).toList();
        long calls = cycles.stream().filter(c -> c.setupMicros() > 0).count();
        long completed = cycles.stream().filter(HonestCaller.Cycle::ok).count();
        md.append("## Honest rounds\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%d rounds (login, call to the echo extension, 2-4 s of audio checked to come back, bye); %d calls"
                        + " answered, %d rounds completed; %d failed while one of their own components was down"
                        + " (excused); %d failed otherwise.%n%n",
                cycles.size(),
                calls,
                completed,
                cycles.stream().filter(c -> !c.ok()).count() - unexplained.size(),
                unexplained.size()));
        for (HonestCaller.Cycle c : unexplained.stream().limit(30).toList()) {
            md.append("- ")
                    .append(c.phase())
                    .append(", ")
                    .append(c.user())
                    .append(" on gw-")
                    .append(c.gateway() + 1)
                    .append(" / ")
                    .append(c.island())
                    .append(": ")
                    .append(c.failure().replace('\n', ' '))
                    .append('\n');
        }
        md.append('\n');
        verdict(
                unexplained.isEmpty() && !cycles.isEmpty(),
                unexplained.size() + " of " + cycles.size()
                        + " honest rounds failed without an outage of their gateway or island");
    }

    private void resources(
            StringBuilder md,
            List<GatewayProbe.Figures> start,
            List<GatewayProbe.Figures> end,
            List<long[]> maxima,
            boolean oom) {
        md.append("## Gateway resources\n\n");
        md.append("Start: after the warm-up, no session open, after full GCs. End: after the last phase, honest and"
                + " hostile clients gone, sessions at zero (awaited), after full GCs. Max: largest reading every 5 s"
                + " during the phases (heap: what the last collection left). gw-2 is killed and restarted by the"
                + " chaos: its end figures are of its last process.\n\n");
        md.append(
                "| gateway | figure | start | max during | end | tolerance (end) | |\n|---|---|---|---|---|---|---|\n");
        long xmx = settings.gatewayHeapBytes();
        for (int i = 0; i < start.size(); i++) {
            GatewayProbe.Figures s = start.get(i);
            GatewayProbe.Figures e = end.get(i);
            long[] m = maxima.get(i);
            String gw = "gw-" + (i + 1);
            row(
                    md,
                    gw,
                    "heap after GC (MiB)",
                    mib(s.heapAfterGc()),
                    mib(m[0]),
                    mib(e.heapAfterGc()),
                    Math.max(mib(s.heapAfterGc()) * 1.25, mib(s.heapAfterGc()) + 16),
                    "start +25 % or +16 MiB");
            row(
                    md,
                    gw,
                    "RSS (MiB)",
                    mib(s.rss()),
                    mib(m[2]),
                    mib(e.rss()),
                    mib(s.rss()) * 1.5 + 64,
                    "start ×1.5 + 64 MiB");
            row(md, gw, "threads", s.threads(), m[3], e.threads(), s.threads() + 16, "start + 16");
            row(md, gw, "file descriptors", s.fds(), m[4], e.fds(), s.fds() + 32, "start + 32");
            row(md, gw, "UDP sockets", s.udpSockets(), m[5], e.udpSockets(), s.udpSockets() + 2, "start + 2");
            row(md, gw, "sessions", s.sessions(), m[6], e.sessions(), s.sessions(), "start");
            row(md, gw, "media relays", s.relays(), m[7], e.relays(), s.relays(), "start");
            verdict(
                    m[0] < xmx && e.heapAfterGc() >= 0 && e.heapAfterGc() < xmx,
                    String.format(
                            Locale.ROOT,
                            "%s: heap after GC at most %.0f MiB during the run, under -Xmx %s",
                            gw,
                            mib(m[0]),
                            settings.gatewayHeap()));
        }
        md.append('\n');
        verdict(!oom, "no OutOfMemoryError in any gateway or island log");
    }

    private void row(
            StringBuilder md,
            String gw,
            String what,
            double start,
            double max,
            double end,
            double limit,
            String tolerance) {
        boolean ok = end >= 0 && end <= limit;
        md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | ≤ %s (%s) | %s |%n",
                gw,
                what,
                num(start),
                num(max),
                num(end),
                num(limit),
                tolerance,
                ok ? "ok" : "**grew**"));
        verdict(
                ok,
                String.format(
                        Locale.ROOT,
                        "%s %s: %s at the start, %s at the end (tolerance %s)",
                        gw,
                        what,
                        num(start),
                        num(end),
                        tolerance));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static double mib(long bytes) {
        return bytes < 0 ? -1 : Math.round(bytes / 1048576.0 * 10) / 10.0;
    }

    private void outagesTable(StringBuilder md, List<Chaos.Outage> outages) {
        md.append(
                "## Outages\n\n| component | killed at (s into the run) | down for (s) | restart |\n|---|---|---|---|\n");
        long t0 = outages.stream().mapToLong(Chaos.Outage::killed).min().orElse(0);
        for (Chaos.Outage o : outages) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | +%.0f | %s | %s |%n",
                    o.component(),
                    (o.killed() - t0) / 1e9,
                    o.back() < 0 ? "?" : String.format(Locale.ROOT, "%.1f", (o.back() - o.killed()) / 1e9),
                    o.restartError() == null ? "ok" : o.restartError()));
        }
        md.append('\n');
        verdict(
                outages.stream().allMatch(o -> o.restartError() == null),
                outages.size() + " kills, every component restarted");
    }

    private void attacks(
            StringBuilder md, Map<String, Map<String, Long>> outcomes, Map<String, Map<String, Long>> refusals) {
        long adminAccepted = AttackSection.render(md, attacks, outcomes, refusals);
        verdict(adminAccepted == 0, adminAccepted + " hostile admin requests accepted");
    }

    static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 2))
                .orElse("?");
        return Runtime.getRuntime().availableProcessors() + " vCPU " + cpu + ", Java "
                + System.getProperty("java.version");
    }
}
