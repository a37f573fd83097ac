package org.vertogw.bench.relay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.net.TcpLimits;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.testing.IceTcpBridge;

/**
 * The relay's CPU per packet when browsers reach it over ICE-TCP (RFC 6544, RFC 4571 frames) against UDP, measured
 * in the same run: N calls through the gateway's relay (one media thread), each browser sending 50 packets/s that an
 * island echoes, first with every browser leg on UDP, then with every browser leg on a TCP connection
 * ({@link IceTcpBridge}). Reported per transport: relayed packets/s, µs of the relay thread's CPU per relayed packet
 * (user + kernel), bytes it allocated per packet, loss, and the ratio of TCP's CPU per packet to UDP's. Half the
 * relayed packets cross the browser leg's transport (in or out); the island leg is UDP in both runs.
 *
 * <p>Usage: {@code IceTcpRelayBench [calls] [seconds]} (50, 10).
 */
public final class IceTcpRelayBench {

    private enum Transport {
        UDP,
        TCP
    }

    record Result(double relayedPerSecond, double microsPerPacket, double bytesPerPacket, double loss) {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Result udp = run(Transport.UDP, calls, seconds);
        Result tcp = run(Transport.TCP, calls, seconds);
        StringBuilder report = new StringBuilder();
        line(
                report,
                "machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + "; " + calls + " calls, " + seconds
                        + " s per transport");
        line(report, "| browser leg | relayed pkt/s | relay CPU µs/pkt | x UDP | B alloc/pkt | loss |");
        line(report, "|---|---|---|---|---|---|");
        for (Transport t : Transport.values()) {
            Result r = t == Transport.UDP ? udp : tcp;
            line(
                    report,
                    String.format(
                            Locale.ROOT,
                            "| %s | %.0f | %.2f | %.2f | %.1f | %.2f %% |",
                            t,
                            r.relayedPerSecond,
                            r.microsPerPacket,
                            r.microsPerPacket / udp.microsPerPacket,
                            r.bytesPerPacket,
                            100 * r.loss));
        }
        Path out = Path.of("target", "ice-tcp-relay.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static Result run(Transport transport, int n, int seconds) throws Exception {
        Set<Thread> before = mediaThreads();
        MediaEngine gateway = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .mediaThreads(1)
                .tcp(true, 0, TcpLimits.DEFAULTS)
                .build());
        Set<Thread> relayThreads = mediaThreads();
        relayThreads.removeAll(before);
        ThreadMeter relay = new ThreadMeter(relayThreads.iterator().next());
        MediaEngine peers = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .mediaThreads(1)
                .build());
        List<RelayLoadBench.Call> calls = new ArrayList<>();
        List<IceTcpBridge> bridges = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                calls.add(call(gateway, peers, i, transport, bridges));
            }
            awaitConnected(calls);
            int[] seq = new int[n];
            long[] ts = new long[n];
            RelayLoadBench.Generator g = new RelayLoadBench.Generator(calls, peers, seq, ts, new int[n]);
            g.start();
            TimeUnit.SECONDS.sleep(3);
            long relayed0 = relayed(calls);
            long cpu0 = relay.cpuNanos();
            long alloc0 = relay.allocatedBytes();
            long sent0 = g.sent();
            long echoed0 = echoed(calls);
            TimeUnit.SECONDS.sleep(seconds);
            long relayed = relayed(calls) - relayed0;
            long cpu = relay.cpuNanos() - cpu0;
            long alloc = relay.allocatedBytes() - alloc0;
            long sent = g.sent() - sent0;
            g.stop();
            TimeUnit.MILLISECONDS.sleep(500);
            long echoed = echoed(calls) - echoed0;
            if (transport == Transport.TCP && gateway.tcpCounters().accepted() < n) {
                throw new IllegalStateException("not every call on TCP: " + gateway.tcpCounters());
            }
            System.out.printf(
                    "  [%s: sent %d, echoed %d, relayed %d, %s]%n",
                    transport, sent, echoed, relayed, gateway.tcpCounters());
            return new Result(
                    relayed / (double) seconds,
                    cpu / 1000.0 / Math.max(1, relayed),
                    alloc / (double) Math.max(1, relayed),
                    sent == 0 ? 1 : Math.max(0, 1 - echoed / (double) sent));
        } finally {
            for (RelayLoadBench.Call c : calls) {
                c.relay().close();
                c.browser().close();
                c.island().close();
            }
            for (IceTcpBridge b : bridges) {
                b.close();
            }
            peers.close();
            gateway.close();
        }
    }

    private static Set<Thread> mediaThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("media-loop-"))
                .collect(Collectors.toSet());
    }

    private static RelayLoadBench.Call call(
            MediaEngine gateway, MediaEngine peers, int i, Transport transport, List<IceTcpBridge> bridges)
            throws Exception {
        MediaRelay relay = gateway.newRelay("call-" + i);
        WebRtcEndpoint browser = WebRtcEndpoint.open(peers, "browser-" + i);
        browser.setSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        WebRtcEndpoint island = WebRtcEndpoint.open(peers, "island-" + i);
        String islandOffer = relay.islandOfferFromBrowserOffer(browser.offer());
        String answer = relay.browserAnswerFromIslandAnswer(island.answer(islandOffer));
        if (transport == Transport.TCP) {
            IceTcpBridge bridge = new IceTcpBridge(gateway.tcpPort());
            bridges.add(bridge);
            answer = viaBridge(answer, bridge.udpPort());
        }
        browser.applyAnswer(answer);
        WebRtcEndpoint.echo(island);
        LongAdder echoed = new LongAdder();
        browser.onRtp((index, rtcp, b, o, l) -> {
            if (!rtcp) {
                echoed.increment();
            }
        });
        return new RelayLoadBench.Call(relay, browser, island, echoed);
    }

    /** The answer with its UDP candidate at the bridge and no TCP candidate: the browser's only path is TCP. */
    private static String viaBridge(String answer, int port) {
        return Arrays.stream(answer.split("\r\n"))
                        .filter(l -> !(l.startsWith("a=candidate:") && l.contains(" TCP ")))
                        .map(l -> l.startsWith("a=candidate:")
                                ? l.replaceFirst(" (\\d+) typ host", " " + port + " typ host")
                                : l)
                        .collect(Collectors.joining("\r\n"))
                + "\r\n";
    }

    private static void awaitConnected(List<RelayLoadBench.Call> calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!calls.stream()
                .allMatch(c -> c.browser().isConnected() && c.island().isConnected())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("calls did not connect");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static long relayed(List<RelayLoadBench.Call> calls) {
        return calls.stream()
                .mapToLong(c -> c.relay().counters().packetsRelayed())
                .sum();
    }

    private static long echoed(List<RelayLoadBench.Call> calls) {
        return calls.stream().mapToLong(c -> c.echoed().sum()).sum();
    }

    private static void line(StringBuilder report, String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }

    private IceTcpRelayBench() {}
}
