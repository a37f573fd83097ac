package org.vertogw.bench.soak;

import static org.vertogw.testing.VertoTestClient.callParams;
import static org.vertogw.testing.VertoTestClient.inviteParams;
import static org.vertogw.testing.VertoTestClient.loginParams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.rtp.RtpHeader;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.testing.VertoTestClient;

/**
 * One honest user in a loop, as a browser would behave: connect to a gateway, log in, call the echo extension with a
 * real WebRTC endpoint (ICE, DTLS-SRTP), send audio for a few seconds and check it comes back, hang up, disconnect.
 * Each round is a {@link Cycle} with its timings and how it ended.
 */
final class HonestCaller implements Runnable {

    /** One round. Times are {@link System#nanoTime()}; latencies in µs, -1 where the step was not reached. */
    record Cycle(
            String user,
            String phase,
            int gateway,
            String island,
            long start,
            long end,
            long loginMicros,
            long setupMicros,
            long mediaMicros,
            long echoed,
            String failure) {

        boolean ok() {
            return failure == null;
        }
    }

    private static final String ECHO = "9196";
    private final String user;
    private final SoakCluster cluster;
    private final MediaEngine engine;
    private final Supplier<String> phase;
    private final BooleanSupplier running;
    private final Queue<Cycle> out;
    private final Random random;
    private final AtomicLong seq = new AtomicLong();

    HonestCaller(
            String user,
            SoakCluster cluster,
            MediaEngine engine,
            Supplier<String> phase,
            BooleanSupplier running,
            Queue<Cycle> out,
            long seed) {
        this.user = user;
        this.cluster = cluster;
        this.engine = engine;
        this.phase = phase;
        this.running = running;
        this.out = out;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        while (running.getAsBoolean()) {
            out.add(cycle());
        }
    }

    /** Mutable state of the round in progress. */
    private static final class Round {
        String island;
        long login = -1;
        long setup = -1;
        long media = -1;
        long echoed;
    }

    private Cycle cycle() {
        String at = phase.get();
        int gw = random.nextInt(cluster.gatewayCount());
        long start = System.nanoTime();
        Round r = new Round();
        String failure = null;
        WebRtcEndpoint browser = null;
        VertoTestClient client = null;
        try {
            client = VertoTestClient.connect(cluster.wss(gw));
            String sessid = UUID.randomUUID().toString();
            long t0 = System.nanoTime();
            JsonNode login = client.call("login", loginParams(user, "1234", sessid));
            if (!login.has("result")) {
                throw new IllegalStateException("login answered " + login.path("error"));
            }
            r.login = (System.nanoTime() - t0) / 1000;
            r.island = login.path("result").path("gateway").path("island").asText("?");
            browser = WebRtcEndpoint.open(engine, "honest-" + user + "-" + seq.incrementAndGet());
            browser.setSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80));
            call(client, browser, sessid, r);
        } catch (Throwable e) {
            failure = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
            if (failure.length() > 300) {
                failure = failure.substring(0, 300) + "...";
            }
        } finally {
            if (browser != null) {
                browser.close();
            }
            if (client != null) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // the gateway may be gone
                }
            }
        }
        return new Cycle(
                user, at, gw, r.island, start, System.nanoTime(), r.login, r.setup, r.media, r.echoed, failure);
    }

    private void call(VertoTestClient client, WebRtcEndpoint browser, String sessid, Round r) throws Exception {
        String callId = UUID.randomUUID().toString();
        java.util.concurrent.atomic.LongAdder echoed = new java.util.concurrent.atomic.LongAdder();
        browser.onRtp((index, rtcp, b, o, l) -> {
            if (!rtcp) {
                echoed.increment();
            }
        });
        long t0 = System.nanoTime();
        int id = client.request("verto.invite", inviteParams(callId, ECHO, sessid, browser.offer()));
        JsonNode answer = client.await(
                m -> m.path("method").asText().matches("verto\\.(answer|media)")
                        && callId.equals(m.path("params").path("callID").asText())
                        && m.path("params").has("sdp"),
                "the answer to " + callId);
        r.setup = (System.nanoTime() - t0) / 1000;
        client.reply(answer);
        JsonNode created = client.awaitResponse(id);
        if (!created.has("result")) {
            throw new IllegalStateException("invite answered " + created.path("error"));
        }
        browser.applyAnswer(answer.path("params").path("sdp").asText());
        long holdNanos = (2000 + random.nextInt(2000)) * 1_000_000L;
        long until = System.nanoTime() + holdNanos;
        long mediaDeadline = System.nanoTime() + 10_000_000_000L;
        byte[] packet = new byte[12 + 160];
        packet[0] = (byte) 0x80;
        packet[1] = 111;
        int seqNo = random.nextInt(65536);
        long ts = random.nextInt();
        while (System.nanoTime() < until || (echoed.sum() == 0 && System.nanoTime() < mediaDeadline)) {
            if (browser.isConnected()) {
                RtpHeader.setSequenceNumber(packet, 0, seqNo++ & 0xFFFF);
                RtpHeader.setTimestamp(packet, 0, ts);
                ts += 960;
                browser.sendRtp(packet, 0, packet.length);
            }
            if (r.media < 0 && echoed.sum() > 0) {
                r.media = (System.nanoTime() - t0) / 1000;
            }
            Thread.sleep(20);
        }
        r.echoed = echoed.sum();
        if (r.echoed == 0) {
            throw new IllegalStateException("no audio came back in 10 s (connected " + browser.isConnected() + ")");
        }
        JsonNode bye = client.call("verto.bye", callParams(callId, sessid));
        if (!bye.has("result")) {
            throw new IllegalStateException("bye answered " + bye.path("error"));
        }
    }
}
