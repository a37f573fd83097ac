package org.vertogw.island.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.RelayCounters;
import org.vertogw.media.relay.RelayState;
import org.vertogw.media.rtp.RtpHeader;
import org.vertogw.media.sdp.SessionDescription;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.media.transport.DiscardReason;
import org.vertogw.media.transport.LegEvent;
import org.vertogw.media.transport.LegSide;
import org.vertogw.testing.Await;

/**
 * A gateway relay between a browser stand-in and a FreeSWITCH-like island endpoint, over real UDP on 127.0.0.1
 * with real ICE, DTLS and SRTP on both legs, in both offer directions, with echo and bridge.
 */
class MediaRelayLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MediaEngine gateway = engine();
    private final MediaEngine island = engine();
    private final MediaEngine browsers = engine();

    static MediaEngine engine() {
        return engine(Duration.ofMillis(300));
    }

    /** An engine on 127.0.0.1 whose DTLS retransmits a lost flight after {@code dtlsRetransmit}. */
    static MediaEngine engine(Duration dtlsRetransmit) {
        return MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .dtlsRetransmit(dtlsRetransmit)
                .build());
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        island.close();
        browsers.close();
    }

    /** A browser stand-in: full ICE (controlling toward the lite gateway), DTLS, SRTP preferring GCM. */
    private WebRtcEndpoint browser(String id) {
        WebRtcEndpoint b = WebRtcEndpoint.open(browsers, id);
        b.setSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        return b;
    }

    private static ConcurrentLinkedQueue<byte[]> collect(WebRtcEndpoint e) {
        ConcurrentLinkedQueue<byte[]> q = new ConcurrentLinkedQueue<>();
        e.onRtp((i, rtcp, b, o, l) -> {
            if (!rtcp) {
                q.add(java.util.Arrays.copyOfRange(b, o, o + l));
            }
        });
        return q;
    }

    private static void sendUntil(WebRtcEndpoint from, int ssrc, ConcurrentLinkedQueue<byte[]> received, int count) {
        AtomicInteger seq = new AtomicInteger(1000);
        Await.until(
                count + " packets back",
                WAIT,
                () -> {
                    for (int i = 0; i < 5; i++) {
                        from.sendRtp(RtpPackets.rtp(ssrc, seq.getAndIncrement()), 0, 172);
                    }
                    return received.size() >= count;
                },
                () -> received.size() + " received");
    }

    @Test
    void aBrowserOfferedCallReachesTheIslandEchoAndComesBack() throws Exception {
        WebRtcEndpoint browser = browser("alice");
        String browserOffer = browser.offer();
        MediaRelay relay = gateway.newRelay("call-1");
        List<LegEvent> events = new CopyOnWriteArrayList<>();
        relay.onEvent(events::add);

        String islandOffer = relay.islandOfferFromBrowserOffer(browserOffer);
        SessionDescription io = SessionDescription.parse(islandOffer);
        assertThat(io.hasAttribute("ice-lite")).isFalse();
        assertThat(io.media().get(0).attribute("setup")).isEqualTo("actpass");
        assertThat(io.media().get(0).attribute("fingerprint")).isEqualTo(gateway.fingerprint());

        WebRtcEndpoint echo = WebRtcEndpoint.open(island, "echo-9196");
        WebRtcEndpoint.echo(echo);
        String islandAnswer = echo.answer(islandOffer);
        assertThat(SessionDescription.parse(islandAnswer).media().get(0).attribute("setup"))
                .isEqualTo("active");

        String browserAnswer = relay.browserAnswerFromIslandAnswer(islandAnswer);
        SessionDescription ba = SessionDescription.parse(browserAnswer);
        assertThat(ba.hasAttribute("ice-lite")).isTrue();
        assertThat(ba.media().get(0).attribute("setup")).isEqualTo("passive");
        assertThat(ba.media().get(0).port()).isEqualTo(gateway.browserPort());
        assertThat(ba.media().get(0).attributes("candidate")).hasSize(1);
        assertThat(ba.media().get(0).hasAttribute("end-of-candidates")).isTrue();
        browser.applyAnswer(browserAnswer);

        Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
        Await.until("browser connected", WAIT, browser::isConnected, browser::toString);
        assertThat(relay.browserLeg(0).srtpProfile()).isEqualTo("AEAD_AES_128_GCM");
        assertThat(relay.islandLeg(0).srtpProfile()).isEqualTo("AES_CM_128_HMAC_SHA1_80");

        ConcurrentLinkedQueue<byte[]> back = collect(browser);
        sendUntil(browser, 0x0A11CE, back, 50);
        for (byte[] p : back) {
            assertThat(RtpPackets.payloadMatches(p, 0, p.length)).isTrue();
            assertThat(RtpHeader.ssrc(p, 0)).isNotEqualTo(0x0A11CE);
        }
        RelayCounters c = relay.counters();
        // counters are updated right after each send, so the last ones may trail what the browser already has
        Await.until(
                "counters",
                WAIT,
                () -> c.browser(0).packetsSent() >= 50 && c.islandToBrowser().count() >= 50,
                c::toString);
        assertThat(c.browser(0).packetsReceived()).isGreaterThanOrEqualTo(50);
        assertThat(c.island(0).packetsSent()).isGreaterThanOrEqualTo(50);
        assertThat(c.island(0).packetsReceived()).isGreaterThanOrEqualTo(50);
        assertThat(c.browserToIsland().count()).isGreaterThanOrEqualTo(50);
        assertThat(c.browserToIsland().quantileMicros(0.5)).isPositive();
        assertThat(events).anyMatch(e -> e.kind() == LegEvent.Kind.LEG_CONNECTED && e.side() == LegSide.BROWSER);
        assertThat(events).anyMatch(e -> e.kind() == LegEvent.Kind.LEG_CONNECTED && e.side() == LegSide.ISLAND);
        assertThat(gateway.stats().packetsSent()).isGreaterThanOrEqualTo(100);
        relay.close();
        assertThat(relay.state()).isEqualTo(RelayState.CLOSED);
        assertThat(gateway.stats().openRelays()).isZero();
    }

    @Test
    void anIslandOfferedCallConnectsWithTheGatewayAsDtlsClientTowardTheIsland() throws Exception {
        WebRtcEndpoint fs = WebRtcEndpoint.open(island, "fs-originated");
        WebRtcEndpoint.echo(fs);
        String islandOffer = fs.offer();
        MediaRelay relay = gateway.newRelay("call-2");
        String browserOffer = relay.browserOfferFromIslandOffer(islandOffer);
        SessionDescription bo = SessionDescription.parse(browserOffer);
        assertThat(bo.hasAttribute("ice-lite")).isTrue();
        assertThat(bo.media().get(0).attribute("setup")).isEqualTo("actpass");
        assertThat(bo.media().get(0).attributes("rtpmap")).contains("111 opus/48000/2", "0 PCMU/8000");

        WebRtcEndpoint browser = browser("bob");
        String browserAnswer = browser.answer(browserOffer);
        String islandAnswer = relay.islandAnswerFromBrowserAnswer(browserAnswer);
        SessionDescription ia = SessionDescription.parse(islandAnswer);
        assertThat(ia.media().get(0).attribute("setup")).isEqualTo("active");
        assertThat(ia.hasAttribute("ice-lite")).isFalse();
        assertThat(ia.hasAttribute("group")).isFalse();
        fs.applyAnswer(islandAnswer);

        Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
        ConcurrentLinkedQueue<byte[]> back = collect(browser);
        sendUntil(browser, 0x0B0B, back, 30);
        assertThat(relay.counters().browser(0).discarded(DiscardReason.SRTP_AUTH_FAILED))
                .isZero();
        relay.close();
    }

    @Test
    void audioAndVideoEachGetTheirOwnLegsAndADataChannelIsRejected() throws Exception {
        WebRtcEndpoint browser = browser("dave");
        String offer = browser.offer(true)
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:2\r\n";
        MediaRelay relay = gateway.newRelay("av");
        WebRtcEndpoint echo = WebRtcEndpoint.open(island, "echo");
        WebRtcEndpoint.echo(echo);
        String islandOffer = relay.islandOfferFromBrowserOffer(offer);
        SessionDescription io = SessionDescription.parse(islandOffer);
        assertThat(io.media()).hasSize(3);
        assertThat(io.media().get(0).port()).isNotEqualTo(io.media().get(1).port());
        assertThat(io.media().get(2).port()).isZero();
        String browserAnswer = relay.browserAnswerFromIslandAnswer(echo.answer(islandOffer));
        SessionDescription ba = SessionDescription.parse(browserAnswer);
        assertThat(ba.media().get(1).attributes("rtpmap")).containsExactly("96 VP8/90000");
        assertThat(ba.media().get(0).attribute("ice-ufrag"))
                .isNotEqualTo(ba.media().get(1).attribute("ice-ufrag"));
        assertThat(ba.media().get(2).port()).isZero();
        browser.applyAnswer(browserAnswer.substring(0, browserAnswer.indexOf("m=application")));
        Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
        ConcurrentLinkedQueue<byte[]> video = new ConcurrentLinkedQueue<>();
        browser.onRtp((i, rtcp, b, o, l) -> {
            if (i == 1 && !rtcp) {
                video.add(java.util.Arrays.copyOfRange(b, o, o + l));
            }
        });
        AtomicInteger seq = new AtomicInteger();
        Await.until(
                "video echoed",
                WAIT,
                () -> {
                    browser.sendRtp(1, RtpPackets.rtp(0x7, seq.incrementAndGet()), 0, 172);
                    return video.size() >= 10;
                },
                relay.counters()::toString);
        assertThat(relay.counters().browser(1).packetsReceived()).isGreaterThanOrEqualTo(10);
        assertThat(relay.counters().browser(0).packetsReceived()).isZero();
        assertThat(relay.counters().browser(2)).isNull();
    }

    @Test
    void rtcpIsRelayedInBothDirectionsOverRtcpMux() throws Exception {
        WebRtcEndpoint browser = browser("carol");
        MediaRelay relay = gateway.newRelay("rtcp");
        WebRtcEndpoint fs = WebRtcEndpoint.open(island, "fs");
        browser.applyAnswer(
                relay.browserAnswerFromIslandAnswer(fs.answer(relay.islandOfferFromBrowserOffer(browser.offer()))));
        Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
        ConcurrentLinkedQueue<byte[]> atIsland = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<byte[]> atBrowser = new ConcurrentLinkedQueue<>();
        fs.onRtp((i, rtcp, b, o, l) -> {
            if (rtcp) {
                atIsland.add(java.util.Arrays.copyOfRange(b, o, o + l));
            }
        });
        browser.onRtp((i, rtcp, b, o, l) -> {
            if (rtcp) {
                atBrowser.add(java.util.Arrays.copyOfRange(b, o, o + l));
            }
        });
        // an empty receiver report (RFC 3550 §6.4.2): V=2, RC=0, PT=201, length 1, sender SSRC
        byte[] rr = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 0};
        Await.until(
                "RTCP both ways",
                WAIT,
                () -> {
                    browser.sendRtcp(0, rr, 0, rr.length);
                    fs.sendRtcp(0, rr, 0, rr.length);
                    return atIsland.size() >= 3 && atBrowser.size() >= 3;
                },
                () -> atIsland.size() + "/" + atBrowser.size() + " " + relay.counters());
        assertThat(atIsland.peek()).hasSize(8);
        assertThat(atIsland.peek()[1]).isEqualTo((byte) 201);
        assertThat(atBrowser.peek()[1]).isEqualTo((byte) 201);
    }

    @Test
    void twoUsersAreBridgedThroughTheIslandAndTwoRelays() throws Exception {
        WebRtcEndpoint alice = browser("alice");
        WebRtcEndpoint bob = browser("bob");
        MediaRelay ra = gateway.newRelay("a");
        MediaRelay rb = gateway.newRelay("b");
        WebRtcEndpoint ia = WebRtcEndpoint.open(island, "ia");
        WebRtcEndpoint ib = WebRtcEndpoint.open(island, "ib");
        WebRtcEndpoint.bridge(ia, ib);
        alice.applyAnswer(ra.browserAnswerFromIslandAnswer(ia.answer(ra.islandOfferFromBrowserOffer(alice.offer()))));
        bob.applyAnswer(rb.browserAnswerFromIslandAnswer(ib.answer(rb.islandOfferFromBrowserOffer(bob.offer()))));
        Await.until(
                "both relays connected",
                WAIT,
                () -> ra.state() == RelayState.CONNECTED && rb.state() == RelayState.CONNECTED,
                () -> ra + " " + rb);
        ConcurrentLinkedQueue<byte[]> atBob = collect(bob);
        ConcurrentLinkedQueue<byte[]> atAlice = collect(alice);
        sendUntil(alice, 0xA, atBob, 20);
        sendUntil(bob, 0xB, atAlice, 20);
        assertThat(atBob).allMatch(p -> RtpPackets.payloadMatches(p, 0, p.length));
        assertThat(gateway.stats().openRelays()).isEqualTo(2);
        assertThat(island.stats().openEndpoints()).isEqualTo(2);
    }

    @Test
    void callsAreSpreadOverTheMediaThreadsAndEachRelaysOnItsOwn() throws Exception {
        try (MediaEngine threeThreads = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .dtlsRetransmit(Duration.ofMillis(300))
                .mediaThreads(3)
                .build())) {
            java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
            List<WebRtcEndpoint> browsers = new java.util.ArrayList<>();
            List<MediaRelay> relays = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                WebRtcEndpoint b = browser("b" + i);
                MediaRelay r = threeThreads.newRelay("call-" + i);
                // leg events are told on the relay's media thread
                r.onEvent(e -> threads.add(Thread.currentThread().getName()));
                WebRtcEndpoint echo = WebRtcEndpoint.open(island, "echo-" + i);
                WebRtcEndpoint.echo(echo);
                b.applyAnswer(r.browserAnswerFromIslandAnswer(echo.answer(r.islandOfferFromBrowserOffer(b.offer()))));
                browsers.add(b);
                relays.add(r);
            }
            for (int i = 0; i < 3; i++) {
                MediaRelay r = relays.get(i);
                Await.until("relay " + i + " connected", WAIT, () -> r.state() == RelayState.CONNECTED, r::toString);
                ConcurrentLinkedQueue<byte[]> back = collect(browsers.get(i));
                sendUntil(browsers.get(i), 0x100 + i, back, 20);
            }
            // the browsers' first checks reach the shared port, on the first thread, and are handed over
            assertThat(threads).hasSize(3);
            assertThat(threeThreads.connectedBrowserSockets()).isEqualTo(3);
            assertThat(threeThreads.stats().discards()).isEmpty();
        }
    }
}
