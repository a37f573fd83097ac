package org.vertogw.bench.relay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.TransitHistogram;
import org.vertogw.media.rtp.RtpHeader;
import org.vertogw.media.srtp.SrtpProfile;

/**
 * Media relay load on loopback: N calls through the gateway's relay (its own media engine and thread), each with a
 * synthetic browser (ICE toward the ICE-lite browser leg, DTLS, SRTP AEAD_AES_128_GCM) and a synthetic island
 * (FreeSWITCH-like endpoint, SRTP AES_CM_128_HMAC_SHA1_80) that echoes. Every browser sends 50 packets/s of 160-byte
 * payload; each packet crosses the relay twice (decrypt, encrypt, each way). N doubles until more than 1 % is
 * lost. Per step: relayed packets/s, CPU of the relay thread (so packets/s per core), transit p50/p99 inside the
 * relay, bytes allocated per relayed packet on the relay thread, and loss. The synthetic peers run on their own
 * media thread in the same JVM. Each step's baseline is the same number of calls through a forwarder that does
 * nothing but receive and send ({@link SelectorForwarderBaseline}), with the relay's engines idle meanwhile.
 *
 * <p>With {@code -Dbench.video=true} every call also has a VP8 video section (its own leg toward the island, as
 * FreeSWITCH expects): each browser sends 50 video packets/s of 1,100 bytes beside its audio, and a PLI (RFC 4585
 * §6.3.1) every second, which the island's echo turns into a PLI back toward the browser, so RTCP feedback crosses
 * the relay both ways. The baseline forwarder then carries the same number of packets of its own size.
 *
 * <p>Usage: {@code RelayLoadBench [maxCalls] [seconds]}; {@code -Dbench.firstCalls=N} starts the doubling at N (25).
 */
public final class RelayLoadBench {

    private static final int PPS = 50;
    private static final boolean VIDEO = Boolean.getBoolean("bench.video");
    /** Packets each browser sends per 20 ms: audio, and video beside it. */
    private static final int STREAMS = VIDEO ? 2 : 1;

    record Call(MediaRelay relay, WebRtcEndpoint browser, WebRtcEndpoint island, LongAdder echoed) {}

    public static void main(String[] args) throws Exception {
        int maxCalls = args.length > 0 ? Integer.parseInt(args[0]) : 800;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        MediaEngine gateway = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .mediaThreads(1)
                .build());
        Thread relayThread = ThreadMeter.find("media-loop-");
        MediaEngine peers = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .mediaThreads(1)
                .build());
        ThreadMeter relayMeter = new ThreadMeter(relayThread);
        StringBuilder report = new StringBuilder();
        line(
                report,
                "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu() + ", Java "
                        + System.getProperty("java.version"));
        line(
                report,
                "baseline per step: the same calls through a forwarder that does nothing (SelectorForwarderBaseline);"
                        + " SRTP floor: the same forwarder doing only the two SRTP transforms per packet");
        line(
                report,
                VIDEO
                        ? "per call: audio 50 pkt/s of 172 B and VP8 video 50 pkt/s of 1,112 B each way, a PLI per second"
                        : "per call: audio 50 pkt/s of 172 B each way");
        line(
                report,
                "ns/pkt are CPU ns per relayed packet, user + kernel; the last per-core figure counts user time only");
        line(
                report,
                "| calls | offered pkt/s | relayed pkt/s | relay CPU | relayed pkt/s per core | relay ns/pkt | baseline ns/pkt | x baseline | SRTP floor ns/pkt | floor x baseline | relay x floor | relay user-space pkt/s per core | transit p50 | transit p99 | B alloc/pkt | loss |");
        line(report, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<Call> calls = new ArrayList<>();
        for (int n = Math.min(maxCalls, Integer.getInteger("bench.firstCalls", 25)); n <= maxCalls; n *= 2) {
            while (calls.size() < n) {
                calls.add(call(gateway, peers, calls.size()));
            }
            awaitConnected(calls);
            Step s = step(calls, peers, relayMeter, seconds);
            SelectorForwarderBaseline.Result base =
                    SelectorForwarderBaseline.run(n * STREAMS, Math.max(3, seconds / 2), false);
            SelectorForwarderBaseline.Result floor =
                    SelectorForwarderBaseline.run(n * STREAMS, Math.max(3, seconds / 2), true);
            double perCore = s.relayed / (s.cpuNanos / 1e9);
            double nsPerPacket = s.cpuNanos / (double) Math.max(1, s.relayed);
            double kernelPerPacket = s.kernelNanos < 0 ? -1 : s.kernelNanos / (double) Math.max(1, s.relayed);
            line(
                    report,
                    String.format(
                            Locale.ROOT,
                            "| %d | %d | %.0f | %.0f %% | %.0f | %s | %s | %.2f | %s | %.2f | %.2f | %s | ≤%d µs | ≤%d µs | %.2f | %.2f %% |",
                            n,
                            n * PPS * 2 * STREAMS,
                            s.relayed / (double) seconds,
                            100.0 * s.cpuNanos / (seconds * 1e9),
                            perCore,
                            split(nsPerPacket, kernelPerPacket),
                            split(base.nanosPerPacket(), base.kernelNanosPerPacket()),
                            nsPerPacket / base.nanosPerPacket(),
                            split(floor.nanosPerPacket(), floor.kernelNanosPerPacket()),
                            floor.nanosPerPacket() / base.nanosPerPacket(),
                            nsPerPacket / floor.nanosPerPacket(),
                            kernelPerPacket < 0
                                    ? "?"
                                    : String.format(Locale.ROOT, "%.0f", 1e9 / (nsPerPacket - kernelPerPacket)),
                            s.p50,
                            s.p99,
                            s.allocated / (double) Math.max(1, s.relayed),
                            100 * s.loss));
            if (s.loss > 0.01) {
                for (int i = 0; i < calls.size(); i++) {
                    Call c = calls.get(i);
                    if (c.echoed.sum() == 0) {
                        System.out.println(
                                "call " + i + " got nothing back: relay " + c.relay.state() + " " + c.relay.counters()
                                        + "; browser " + c.browser.counters() + "; island " + c.island.counters());
                        break;
                    }
                }
                break;
            }
        }
        for (Call c : calls) {
            c.relay.close();
            c.browser.close();
            c.island.close();
        }
        peers.close();
        gateway.close();
        Path out = Path.of("target", "relay-load.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("written to " + out.toAbsolutePath());
    }

    record Step(long relayed, long cpuNanos, long kernelNanos, long allocated, long p50, long p99, double loss) {}

    /** "total (user + kernel)" in ns, or the total alone when the split is unknown. */
    private static String split(double total, double kernel) {
        return kernel < 0
                ? String.format(Locale.ROOT, "%.0f", total)
                : String.format(Locale.ROOT, "%.0f (%.0f + %.0f)", total, total - kernel, kernel);
    }

    /** Per call, the next sequence number and timestamp: streams continue from one step to the next. */
    private static int[] nextSeq = new int[0];

    private static long[] nextTs = new long[0];

    private static int[] nextVideoSeq = new int[0];

    private static Step step(List<Call> calls, MediaEngine peers, ThreadMeter relay, int seconds) throws Exception {
        nextSeq = java.util.Arrays.copyOf(nextSeq, calls.size());
        nextTs = java.util.Arrays.copyOf(nextTs, calls.size());
        nextVideoSeq = java.util.Arrays.copyOf(nextVideoSeq, calls.size());
        Generator g = new Generator(calls, peers, nextSeq, nextTs, nextVideoSeq);
        g.start();
        TimeUnit.SECONDS.sleep(3);
        long relayed0 = relayed(calls);
        long[] hist0 = histogram(calls);
        long cpu0 = relay.cpuNanos();
        long kernel0 = relay.kernelNanos();
        long alloc0 = relay.allocatedBytes();
        long sent0 = g.sent();
        long echoed0 = echoed(calls);
        TimeUnit.SECONDS.sleep(seconds);
        long sent = g.sent() - sent0;
        long relayedCount = relayed(calls) - relayed0;
        long cpu = relay.cpuNanos() - cpu0;
        long kernelNow = relay.kernelNanos();
        long kernel = kernelNow < 0 || kernel0 < 0 ? -1 : kernelNow - kernel0;
        long alloc = relay.allocatedBytes() - alloc0;
        long[] hist1 = histogram(calls);
        g.stop();
        TimeUnit.MILLISECONDS.sleep(500);
        long echoed = echoed(calls) - echoed0;
        long[] diff = new long[hist1.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = hist1[i] - hist0[i];
        }
        double loss = sent == 0 ? 1 : Math.max(0, 1 - echoed / (double) sent);
        System.out.printf("  [%d calls: sent %d, echoed %d, relayed %d]%n", calls.size(), sent, echoed, relayedCount);
        return new Step(relayedCount, cpu, kernel, alloc, quantile(diff, 0.5), quantile(diff, 0.99), loss);
    }

    private static Call call(MediaEngine gateway, MediaEngine peers, int i) throws Exception {
        MediaRelay relay = gateway.newRelay("call-" + i);
        WebRtcEndpoint browser = WebRtcEndpoint.open(peers, "browser-" + i);
        browser.setSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        WebRtcEndpoint island = WebRtcEndpoint.open(peers, "island-" + i);
        String islandOffer = relay.islandOfferFromBrowserOffer(browser.offer(VIDEO));
        String browserAnswer = relay.browserAnswerFromIslandAnswer(island.answer(islandOffer));
        browser.applyAnswer(browserAnswer);
        WebRtcEndpoint.echo(island);
        LongAdder echoed = new LongAdder();
        browser.onRtp((index, rtcp, b, o, l) -> {
            if (!rtcp) {
                echoed.increment();
            }
        });
        return new Call(relay, browser, island, echoed);
    }

    private static void awaitConnected(List<Call> calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!calls.stream().allMatch(c -> c.browser.isConnected() && c.island.isConnected())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("calls did not connect: "
                        + calls.stream()
                                .filter(c -> !(c.browser.isConnected() && c.island.isConnected()))
                                .count() + " pending");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static long relayed(List<Call> calls) {
        return calls.stream()
                .mapToLong(c -> c.relay.counters().packetsRelayed())
                .sum();
    }

    private static long echoed(List<Call> calls) {
        return calls.stream().mapToLong(c -> c.echoed.sum()).sum();
    }

    private static long[] histogram(List<Call> calls) {
        long[] sum = new long[TransitHistogram.BUCKETS];
        for (Call c : calls) {
            for (TransitHistogram h : List.of(
                    c.relay.counters().browserToIsland(), c.relay.counters().islandToBrowser())) {
                long[] b = h.buckets();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += b[i];
                }
            }
        }
        return sum;
    }

    /** Upper bound in µs of the power-of-two bucket holding quantile q. */
    private static long quantile(long[] buckets, double q) {
        long total = 0;
        for (long b : buckets) {
            total += b;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank && total > 0) {
                return i == 0 ? 1 : 1L << i;
            }
        }
        return 0;
    }

    /**
     * Sends 50 packets/s on every call's browser, spread over each 20 ms: every millisecond, one task on the peers'
     * media thread sends the slice of calls due then (one hand-off per millisecond, not one per packet).
     */
    static final class Generator {
        private static final int SLICES = 20;
        private final List<Call> calls;
        private final MediaEngine peers;
        private final int[] seq;
        private final long[] ts;
        private final int[] videoSeq;
        private final LongAdder sent = new LongAdder();
        private final byte[] packet = new byte[12 + 160];
        private final byte[] videoPacket = new byte[12 + 1100];
        private volatile boolean running = true;
        private final Thread thread;

        Generator(List<Call> calls, MediaEngine peers, int[] seq, long[] ts, int[] videoSeq) {
            this.calls = calls;
            this.peers = peers;
            this.seq = seq;
            this.ts = ts;
            this.videoSeq = videoSeq;
            this.thread = new Thread(this::run, "generator");
            thread.setDaemon(true);
            packet[0] = (byte) 0x80;
            packet[1] = 111;
            videoPacket[0] = (byte) 0x80;
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long sent() {
            return sent.sum();
        }

        /** On the peers' media thread: the calls of one slice send their next packet. */
        private void sendSlice(int slice) {
            int n = 0;
            for (int i = slice; i < calls.size(); i += SLICES) {
                RtpHeader.setSequenceNumber(packet, 0, seq[i]++ & 0xFFFF);
                RtpHeader.setTimestamp(packet, 0, ts[i]);
                ts[i] += 960;
                WebRtcEndpoint browser = calls.get(i).browser;
                browser.sendRtp(packet, 0, packet.length);
                n++;
                if (VIDEO) {
                    int v = browser.videoIndex();
                    videoPacket[1] = (byte) browser.videoPayloadType();
                    RtpHeader.setSequenceNumber(videoPacket, 0, videoSeq[i]++ & 0xFFFF);
                    RtpHeader.setTimestamp(videoPacket, 0, ts[i] * 2);
                    browser.sendRtp(v, videoPacket, 0, videoPacket.length);
                    n++;
                    if (videoSeq[i] % PPS == 0) {
                        browser.requestKeyFrame(v);
                    }
                }
            }
            sent.add(n);
        }

        private void run() {
            long start = System.nanoTime();
            long tick = 0;
            while (running) {
                int slice = (int) (tick % SLICES);
                peers.execute(() -> sendSlice(slice));
                tick++;
                long next = start + tick * 1_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private static String cpu() throws Exception {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 2))
                .orElse("?");
    }

    private static void line(StringBuilder report, String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }

    private RelayLoadBench() {}
}
