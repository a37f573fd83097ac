package org.vertogw.island.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.RelayState;
import org.vertogw.media.sdp.SdpException;
import org.vertogw.media.sdp.SessionDescription;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.media.stun.MessageIntegrity;
import org.vertogw.media.stun.StunMessageType;
import org.vertogw.media.stun.StunMessageWriter;
import org.vertogw.media.transport.DiscardReason;
import org.vertogw.media.transport.LegCounters;
import org.vertogw.media.transport.LegEvent;
import org.vertogw.testing.Await;

/** Hostile and broken input over real UDP: each case is dropped and counted, nothing crashes, nothing leaks. */
class MediaRelayBadInputTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MediaEngine gateway = MediaRelayLoopbackTest.engine();
    private final MediaEngine island = MediaRelayLoopbackTest.engine();
    private final MediaEngine browsers = MediaRelayLoopbackTest.engine();
    private final DatagramSocket attacker = open();

    private static DatagramSocket open() {
        try {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            s.setSoTimeout(300);
            return s;
        } catch (java.net.SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void tearDown() {
        attacker.close();
        gateway.close();
        island.close();
        browsers.close();
    }

    private void sendToGateway(byte[] d) throws Exception {
        attacker.send(new DatagramPacket(d, d.length, InetAddress.getLoopbackAddress(), gateway.browserPort()));
    }

    private boolean attackerGetsAnAnswer() throws Exception {
        try {
            attacker.receive(new DatagramPacket(new byte[1500], 1500));
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** A connected call: browser stand-in ⇄ relay ⇄ echo endpoint; optionally through a proxy on the browser side. */
    private final class Call {
        final WebRtcEndpoint browser = WebRtcEndpoint.open(browsers, "browser");
        final MediaRelay relay = gateway.newRelay("call");
        final WebRtcEndpoint echo = WebRtcEndpoint.open(island, "echo");
        final List<LegEvent> events = new CopyOnWriteArrayList<>();
        String browserOffer;

        Call(UdpProxy proxy, boolean wrongFingerprint) throws Exception {
            browser.setSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM));
            relay.onEvent(events::add);
            WebRtcEndpoint.echo(echo);
            browserOffer = browser.offer();
            if (wrongFingerprint) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("a=fingerprint:sha-256 ([0-9A-F]{2})")
                        .matcher(browserOffer);
                assertThat(m.find()).isTrue();
                String flipped = String.format("%02X", Integer.parseInt(m.group(1), 16) ^ 0xFF);
                browserOffer = browserOffer.replace(m.group(0), "a=fingerprint:sha-256 " + flipped);
            }
            String answer =
                    relay.browserAnswerFromIslandAnswer(echo.answer(relay.islandOfferFromBrowserOffer(browserOffer)));
            if (proxy != null) {
                answer = answer.replace(" " + gateway.browserPort() + " typ host", " " + proxy.port() + " typ host");
            }
            browser.applyAnswer(answer);
        }
    }

    @Test
    void garbageDatagramsAreCountedAndTheCallStillWorks() throws Exception {
        Random r = new Random(11);
        for (int i = 0; i < 300; i++) {
            byte[] d = new byte[1 + r.nextInt(300)];
            r.nextBytes(d);
            sendToGateway(d);
        }
        Call call = new Call(null, false);
        Await.until("connected", WAIT, () -> call.relay.state() == RelayState.CONNECTED, call.relay::toString);
        Await.until(
                "garbage counted",
                WAIT,
                () -> gateway.stats().discardedTotal() >= 250,
                () -> gateway.stats().toString());
        assertThat(gateway.stats().discards()).containsKey(DiscardReason.UNKNOWN_PACKET);
        ConcurrentLinkedQueue<byte[]> back = new ConcurrentLinkedQueue<>();
        call.browser.onRtp((i, rtcp, b, o, l) -> back.add(b.clone()));
        AtomicInteger seq = new AtomicInteger();
        Await.until(
                "echo after garbage",
                WAIT,
                () -> {
                    call.browser.sendRtp(RtpPackets.rtp(1, seq.incrementAndGet()), 0, 172);
                    return back.size() >= 10;
                },
                () -> back.size() + "");
    }

    @Test
    void stunWithABadIntegrityOrAnUnknownUsernameIsDroppedUnanswered() throws Exception {
        Call call = new Call(null, false);
        Await.until("connected", WAIT, () -> call.relay.state() == RelayState.CONNECTED, call.relay::toString);
        String offerUfrag =
                SessionDescription.parse(call.browserOffer).media().get(0).attribute("ice-ufrag");
        String gwUfrag = call.relay.browserLeg(0).ice().localCredentials().ufrag();
        byte[] forged = StunMessageWriter.request(StunMessageType.BINDING)
                .username(gwUfrag + ":" + offerUfrag)
                .useCandidate()
                .iceControlling(1)
                .messageIntegrity(MessageIntegrity.shortTermKey("guessed-password-xx"))
                .fingerprint()
                .toBytes();
        sendToGateway(forged);
        assertThat(attackerGetsAnAnswer()).isFalse();
        byte[] stranger = StunMessageWriter.request(StunMessageType.BINDING)
                .username("nobody:" + offerUfrag)
                .messageIntegrity(MessageIntegrity.shortTermKey("x"))
                .fingerprint()
                .toBytes();
        sendToGateway(stranger);
        assertThat(attackerGetsAnAnswer()).isFalse();
        Await.until(
                "counted",
                WAIT,
                () -> call.relay.counters().browser(0).discarded(DiscardReason.STUN_BAD_INTEGRITY) >= 1
                        && gateway.stats().discarded(DiscardReason.STUN_UNKNOWN_USERNAME) >= 1,
                () -> gateway.stats().toString());
        assertThat(call.relay.state()).isEqualTo(RelayState.CONNECTED);
    }

    @Test
    void dtlsAndMediaFromAnAddressThatNeverPassedIceAreDropped() throws Exception {
        Call call = new Call(null, false);
        Await.until("connected", WAIT, () -> call.relay.state() == RelayState.CONNECTED, call.relay::toString);
        byte[] clientHello = new byte[60];
        clientHello[0] = 22;
        clientHello[1] = (byte) 0xFE;
        clientHello[2] = (byte) 0xFD;
        sendToGateway(clientHello);
        sendToGateway(RtpPackets.rtp(5, 5));
        assertThat(attackerGetsAnAnswer()).isFalse();
        Await.until(
                "counted",
                WAIT,
                () -> gateway.stats().discarded(DiscardReason.DTLS_UNVERIFIED_SOURCE) >= 1
                        && gateway.stats().discarded(DiscardReason.UNKNOWN_SOURCE) >= 1,
                () -> gateway.stats().toString());
    }

    @Test
    void aWrongFingerprintFailsTheLegAndEndsTheCallWithAClearCause() throws Exception {
        Call call = new Call(null, true);
        Await.until("failed", WAIT, () -> call.relay.state() == RelayState.FAILED, call.relay::toString);
        assertThat(call.events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(LegEvent.Kind.LEG_FAILED);
            assertThat(e.cause()).contains("DTLS fingerprint mismatch on browser leg 0");
        });
        assertThat(call.relay.browserLeg(0).srtpProfile()).isNull();
    }

    @Test
    void replayedAndTamperedSrtpIsDiscardedWhileGoodPacketsFlow() throws Exception {
        try (UdpProxy proxy = new UdpProxy(gateway.browserPort())) {
            Call call = new Call(proxy, false);
            Await.until("connected", WAIT, () -> call.relay.state() == RelayState.CONNECTED, call.relay::toString);
            Await.until("browser connected", WAIT, call.browser::isConnected, call.browser::toString);
            ConcurrentLinkedQueue<byte[]> back = new ConcurrentLinkedQueue<>();
            call.browser.onRtp((i, rtcp, b, o, l) -> {
                if (!rtcp) {
                    back.add(java.util.Arrays.copyOfRange(b, o, o + l));
                }
            });
            proxy.attack = true;
            AtomicInteger seq = new AtomicInteger(100);
            Await.until(
                    "echo through the attack",
                    WAIT,
                    () -> {
                        call.browser.sendRtp(RtpPackets.rtp(7, seq.incrementAndGet()), 0, 172);
                        return back.size() >= 20;
                    },
                    () -> back.size() + " " + call.relay.counters());
            LegCounters b = call.relay.counters().browser(0);
            Await.until(
                    "discards counted",
                    WAIT,
                    () -> b.discarded(DiscardReason.SRTP_AUTH_FAILED) >= 20
                            && b.discarded(DiscardReason.SRTP_REPLAYED) >= 20,
                    b::toString);
            assertThat(back).allMatch(p -> RtpPackets.payloadMatches(p, 0, p.length));
            assertThat(back.size()).isLessThanOrEqualTo(seq.get() - 100);
        }
    }

    @Test
    void closingReleasesEveryPortAndTheBrowserUfrag() throws Exception {
        Call call = new Call(null, false);
        Await.until("connected", WAIT, () -> call.relay.state() == RelayState.CONNECTED, call.relay::toString);
        assertThat(gateway.connectedBrowserSockets())
                .as("a socket connected to the browser's selected address")
                .isEqualTo(1);
        int islandPort = call.relay.islandPort(0);
        call.relay.close();
        assertThat(gateway.connectedBrowserSockets()).isZero();
        call.relay.close();
        Await.until("port free", WAIT, () -> canBind(islandPort), () -> "port " + islandPort);
        assertThat(gateway.stats().openRelays()).isZero();
        int browserPort = gateway.browserPort();
        gateway.close();
        Await.until("browser port free", WAIT, () -> canBind(browserPort), () -> "port " + browserPort);
        assertThatThrownBy(() -> gateway.newRelay("late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void islandPortsComeFromTheConfiguredRangeAndExhaustionIsAClearError() throws Exception {
        // Below Linux's ephemeral range (32768-60999), so no socket the system hands out takes these ports.
        Random random = new Random();
        int base;
        do {
            base = 24000 + random.nextInt(3000) * 2;
        } while (!canBind(base) || !canBind(base + 1));
        try (MediaEngine ranged = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(base, base + 1)
                .build())) {
            WebRtcEndpoint b1 = WebRtcEndpoint.open(browsers, "b1");
            MediaRelay r1 = ranged.newRelay("r1");
            r1.islandOfferFromBrowserOffer(b1.offer());
            assertThat(r1.islandPort(0)).isBetween(base, base + 1);
            MediaRelay r2 = ranged.newRelay("r2");
            r2.islandOfferFromBrowserOffer(WebRtcEndpoint.open(browsers, "b2").offer());
            MediaRelay r3 = ranged.newRelay("r3");
            assertThatThrownBy(() -> r3.islandOfferFromBrowserOffer(
                            WebRtcEndpoint.open(browsers, "b3").offer()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no free UDP port in " + base);
            r1.close();
            MediaRelay r4 = ranged.newRelay("r4");
            r4.islandOfferFromBrowserOffer(WebRtcEndpoint.open(browsers, "b4").offer());
            assertThat(r4.islandPort(0)).isBetween(base, base + 1);
        }
    }

    @Test
    void sdpWithoutIceOrFingerprintIsRefusedWithTheReason() throws Exception {
        MediaRelay relay = gateway.newRelay("plain");
        String plain = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        assertThatThrownBy(() -> relay.islandOfferFromBrowserOffer(plain))
                .isInstanceOf(SdpException.class)
                .hasMessageContaining("a=ice-ufrag");
        assertThatThrownBy(() -> relay.islandOfferFromBrowserOffer("not sdp"))
                .isInstanceOf(SdpException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> relay.browserAnswerFromIslandAnswer(plain))
                .isInstanceOf(SdpException.class)
                .hasMessageContaining("no pending");
        assertThat(gateway.stats().openRelays()).isEqualTo(1);
        relay.close();
    }

    private static boolean canBind(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return s.getLocalPort() == port;
        } catch (java.net.SocketException e) {
            return false;
        }
    }
}
