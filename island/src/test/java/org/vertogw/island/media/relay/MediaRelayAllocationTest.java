package org.vertogw.island.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.RelayState;
import org.vertogw.media.rtp.Bytes;
import org.vertogw.media.rtp.PayloadSpecificFeedback;
import org.vertogw.media.rtp.RtpHeader;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.testing.Await;

/**
 * The relay's media thread allocates nothing per relayed packet: RTP through a browser-offered call (GCM toward the
 * browser, AES-CM toward the island echo), both ways, real sockets, with an SR and an RR every 50 packets (their
 * reports are read for call quality). ICE checks are set a minute apart so that the
 * measured window holds media only (STUN, the control path, may allocate). The surefire run starts the JVM with
 * the Integer cache covering descriptors, as the gateway should run (see MediaLoop). The video case adds a VP8-typed
 * m-line with 1,100-byte packets and RTCP feedback (NACK, PLI, REMB in compound packets, and the island's PLIs
 * back) relayed on it, as a video call carries.
 */
class MediaRelayAllocationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WARM_UP = 6_000;
    private static final int MEASURED = 10_000;

    /**
     * Descriptors held open first, so that the relay's sockets get numbers above 127 as in a gateway carrying
     * calls: the JDK's selector boxes those (see MediaLoop), which is what the Integer cache option removes.
     */
    private final List<DatagramChannel> filler = openFiller(200);

    private final MediaEngine gateway = engine();
    private final MediaEngine peers = engine();

    private static List<DatagramChannel> openFiller(int n) {
        List<DatagramChannel> l = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                l.add(DatagramChannel.open());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return l;
    }

    private static MediaEngine engine() {
        return MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .iceCheckInterval(Duration.ofSeconds(60))
                .consentDisconnectedAfter(Duration.ofSeconds(120))
                .consentFailedAfter(Duration.ofSeconds(300))
                .mediaThreads(1)
                .build());
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        peers.close();
        for (DatagramChannel ch : filler) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Test
    void relayingRtpBothWaysAllocatesNothingPerPacket() throws Exception {
        WebRtcEndpoint browser = WebRtcEndpoint.open(peers, "browser");
        browser.setSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        WebRtcEndpoint island = WebRtcEndpoint.open(peers, "island");
        WebRtcEndpoint.echo(island);
        MediaRelay relay = gateway.newRelay("allocation");
        browser.applyAnswer(
                relay.browserAnswerFromIslandAnswer(island.answer(relay.islandOfferFromBrowserOffer(browser.offer()))));
        Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
        Await.until("browser connected", WAIT, browser::isConnected, browser::toString);
        AtomicLong echoed = new AtomicLong();
        browser.onRtp((i, rtcp, b, o, l) -> {
            if (!rtcp) {
                echoed.incrementAndGet();
            }
        });
        CompletableFuture<Thread> loop = new CompletableFuture<>();
        gateway.execute(() -> loop.complete(Thread.currentThread()));
        long relayThread = loop.get(5, TimeUnit.SECONDS).getId();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        pump(browser, echoed, WARM_UP);
        long relayed0 = relay.counters().packetsRelayed();
        long allocated0 = mx.getThreadAllocatedBytes(relayThread);
        pump(browser, echoed, WARM_UP + MEASURED);
        long allocated = mx.getThreadAllocatedBytes(relayThread) - allocated0;
        long relayed = relay.counters().packetsRelayed() - relayed0;

        assertThat(relayed).isGreaterThanOrEqualTo(2L * MEASURED - 100);
        // nothing per packet, nor per tick: a few hundred bytes in all (class loading, a consent check), whatever the
        // load
        assertThat(allocated / (double) relayed)
                .as("bytes allocated per relayed packet, %d in all", allocated)
                .isLessThan(0.5);
        assertThat(relay.quality().sections().get(0).browser().reports())
                .as("the browser's reception reports were read")
                .isGreaterThan(MEASURED / 50);
        assertThat(relay.counters().browser(0).discardedTotal()).isZero();
        assertThat(relay.counters().island(0).discardedTotal()).isZero();
    }

    @Test
    void relayingVideoAndRtcpFeedbackBothWaysAllocatesNothingPerPacket() throws Exception {
        WebRtcEndpoint browser = WebRtcEndpoint.open(peers, "browser");
        browser.setSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        WebRtcEndpoint island = WebRtcEndpoint.open(peers, "island");
        WebRtcEndpoint.echo(island);
        MediaRelay relay = gateway.newRelay("allocation-video");
        browser.applyAnswer(relay.browserAnswerFromIslandAnswer(
                island.answer(relay.islandOfferFromBrowserOffer(browser.offer(true)))));
        Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
        Await.until("browser connected", WAIT, browser::isConnected, browser::toString);
        AtomicLong echoed = new AtomicLong();
        AtomicLong feedbackBack = new AtomicLong();
        browser.onRtp((i, rtcp, b, o, l) -> {
            if (!rtcp) {
                echoed.incrementAndGet();
            } else if (i == 1 && PayloadSpecificFeedback.requestsKeyFrame(b, o, l)) {
                feedbackBack.incrementAndGet();
            }
        });
        CompletableFuture<Thread> loop = new CompletableFuture<>();
        gateway.execute(() -> loop.complete(Thread.currentThread()));
        long relayThread = loop.get(5, TimeUnit.SECONDS).getId();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        pumpVideo(browser, echoed, WARM_UP);
        long relayed0 = relay.counters().packetsRelayed();
        long feedback0 = feedbackBack.get();
        long allocated0 = mx.getThreadAllocatedBytes(relayThread);
        pumpVideo(browser, echoed, WARM_UP + MEASURED);
        long allocated = mx.getThreadAllocatedBytes(relayThread) - allocated0;
        long relayed = relay.counters().packetsRelayed() - relayed0;

        assertThat(relayed).isGreaterThanOrEqualTo(2L * MEASURED - 100);
        assertThat(feedbackBack.get() - feedback0)
                .as("PLIs the island echo sent back")
                .isPositive();
        assertThat(allocated / (double) relayed)
                .as("bytes allocated per relayed packet, %d in all", allocated)
                .isLessThan(0.5);
        for (int m = 0; m < 2; m++) {
            assertThat(relay.counters().browser(m).discardedTotal()).isZero();
            assertThat(relay.counters().island(m).discardedTotal()).isZero();
        }
    }

    /**
     * As {@link #pump}, alternating audio (section 0) and VP8-typed video (section 1, 1,100 bytes), with a compound
     * RTCP feedback packet (RR, NACK, PLI, REMB) on the video section every 50 packets.
     */
    private void pumpVideo(WebRtcEndpoint browser, AtomicLong echoed, int total) {
        AtomicLong sent = new AtomicLong(echoed.get());
        byte[] audio = RtpPackets.rtp(0x0A11CE, 1);
        byte[] video = new byte[1100];
        System.arraycopy(RtpPackets.rtp(0x0B1DE0, 1), 0, video, 0, 172);
        video[1] = 96;
        byte[] feedback = Bytes.fromHex("81c90001" + "0000b0b0" // RR, no report block
                + "81cd0003" + "0000b0b0" + "11223344" + "00070000" // NACK (RTPFB 205 FMT 1): seq 7
                + "81ce0002" + "0000b0b0" + "11223344" // PLI
                + "8fce0005" + "0000b0b0" + "00000000" + "52454d42" + "01000a00" + "11223344"); // REMB
        Await.until(
                total + " packets echoed",
                WAIT,
                () -> {
                    if (sent.get() < total && sent.get() - echoed.get() < 200) {
                        peers.execute(() -> {
                            for (int i = 0; i < 50; i++) {
                                int seq = (int) sent.incrementAndGet();
                                byte[] p = (seq & 1) == 0 ? audio : video;
                                RtpHeader.setSequenceNumber(p, 0, (seq >> 1) & 0xFFFF);
                                RtpHeader.setTimestamp(p, 0, 160L * seq);
                                browser.sendRtp(seq & 1, p, 0, p.length);
                            }
                            browser.sendRtcp(1, feedback, 0, feedback.length);
                        });
                    }
                    return echoed.get() >= total;
                },
                () -> echoed.get() + " echoed of " + sent.get() + " sent; " + gateway.stats());
    }

    /** Sends from the browser on its own media thread, at most about 250 packets in flight, until {@code total} came back. */
    private void pump(WebRtcEndpoint browser, AtomicLong echoed, int total) {
        AtomicLong sent = new AtomicLong(echoed.get());
        byte[] packet = RtpPackets.rtp(0x0A11CE, 1);
        byte[] reports = RtpPackets.senderAndReceiverReport(0x0A11CE);
        Await.until(
                total + " packets echoed",
                WAIT,
                () -> {
                    if (sent.get() < total && sent.get() - echoed.get() < 200) {
                        peers.execute(() -> {
                            for (int i = 0; i < 50; i++) {
                                int seq = (int) sent.incrementAndGet();
                                RtpHeader.setSequenceNumber(packet, 0, seq & 0xFFFF);
                                RtpHeader.setTimestamp(packet, 0, 160L * seq);
                                browser.sendRtp(packet, 0, packet.length);
                            }
                            // RTCP too: the relay reads its reports for call quality as it forwards them
                            browser.sendRtcp(0, reports, 0, reports.length);
                        });
                    }
                    return echoed.get() >= total;
                },
                () -> echoed.get() + " echoed of " + sent.get() + " sent; " + gateway.stats());
    }
}
