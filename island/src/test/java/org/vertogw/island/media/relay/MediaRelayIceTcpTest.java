package org.vertogw.island.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.ice.IceCandidate;
import org.vertogw.media.net.TcpClose;
import org.vertogw.media.net.TcpCounters;
import org.vertogw.media.net.TcpLimits;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.RelayState;
import org.vertogw.media.sdp.SessionDescription;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.media.stun.MessageIntegrity;
import org.vertogw.media.stun.StunMessage;
import org.vertogw.media.stun.StunMessageType;
import org.vertogw.media.stun.StunMessageWriter;
import org.vertogw.media.transport.BrowserTransport;
import org.vertogw.media.transport.DiscardReason;
import org.vertogw.media.transport.LegEvent;
import org.vertogw.media.transport.LegFailure;
import org.vertogw.media.transport.LegSide;
import org.vertogw.testing.Await;
import org.vertogw.testing.IceTcpBridge;

/**
 * A browser leg over ICE-TCP (RFC 6544) through the gateway relay to an island echo, with real ICE, DTLS and SRTP
 * on a real TCP connection to the gateway's ICE-TCP port; the browser stand-in's datagrams cross it as RFC 4571
 * frames ({@link IceTcpBridge}). Also: a selected connection that closes fails the leg, and a connection
 * left idle when ICE selects UDP is closed.
 */
class MediaRelayIceTcpTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MediaEngine gateway = MediaEngine.start(MediaConfig.builder()
            .bindAddress("127.0.0.1")
            .browserPort(0)
            .islandPorts(0, 0)
            .dtlsRetransmit(Duration.ofMillis(300))
            .tcp(true, 0, TcpLimits.DEFAULTS)
            .build());
    private final MediaEngine island = MediaRelayLoopbackTest.engine();
    private final MediaEngine browsers = MediaRelayLoopbackTest.engine();

    @AfterEach
    void tearDown() {
        gateway.close();
        island.close();
        browsers.close();
    }

    private WebRtcEndpoint browser(String id) {
        WebRtcEndpoint b = WebRtcEndpoint.open(browsers, id);
        b.setSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        return b;
    }

    /** Browser offer, island echo answer: the gateway's answer for the browser. */
    private String answerFor(MediaRelay relay, WebRtcEndpoint browser) throws Exception {
        WebRtcEndpoint echo = WebRtcEndpoint.open(island, "echo");
        WebRtcEndpoint.echo(echo);
        String islandOffer = relay.islandOfferFromBrowserOffer(browser.offer());
        return relay.browserAnswerFromIslandAnswer(echo.answer(islandOffer));
    }

    /** The answer with its UDP candidate pointed at {@code port} and the TCP one left out. */
    private static String udpCandidateAt(String answer, int port) {
        return Arrays.stream(answer.split("\r\n"))
                        .filter(l -> !(l.startsWith("a=candidate:") && l.contains(" TCP ")))
                        .map(l -> l.startsWith("a=candidate:")
                                ? l.replaceFirst(" (\\d+) typ host", " " + port + " typ host")
                                : l)
                        .collect(Collectors.joining("\r\n"))
                + "\r\n";
    }

    private static void echoed(WebRtcEndpoint from, int count) {
        ConcurrentLinkedQueue<byte[]> back = new ConcurrentLinkedQueue<>();
        from.onRtp((i, rtcp, b, o, l) -> {
            if (!rtcp && RtpPackets.payloadMatches(b, o, l)) {
                back.add(Arrays.copyOfRange(b, o, o + l));
            }
        });
        AtomicInteger seq = new AtomicInteger(1);
        Await.until(count + " packets back", WAIT, () -> {
            for (int i = 0; i < 5; i++) {
                from.sendRtp(RtpPackets.rtp(0x7C9, seq.getAndIncrement()), 0, 172);
            }
            return back.size() >= count;
        });
    }

    @Test
    void theAnswerOffersAPassiveTcpCandidateThatRanksBelowUdp() throws Exception {
        MediaRelay relay = gateway.newRelay("sdp");
        String answer = answerFor(relay, browser("a"));
        List<IceCandidate> candidates = SessionDescription.parse(answer).media().get(0).attributes("candidate").stream()
                .map(IceCandidate::parse)
                .toList();
        assertThat(candidates).hasSize(2);
        IceCandidate udp = candidates.get(0);
        IceCandidate tcp = candidates.get(1);
        assertThat(udp.isUdp()).isTrue();
        assertThat(tcp.transport()).isEqualTo("tcp");
        assertThat(tcp.port()).isEqualTo(gateway.tcpPort());
        assertThat(tcp.extensions()).isEqualTo("tcptype passive");
        assertThat(tcp.priority()).isLessThan(udp.priority());
        assertThat(answer)
                .contains("a=candidate:2 1 TCP " + tcp.priority() + " 127.0.0.1 " + gateway.tcpPort()
                        + " typ host tcptype passive\r\n");
        relay.close();
    }

    @Test
    void dtlsAndSrtpRunOverTheTcpConnectionAndItsCloseFailsTheLeg() throws Exception {
        WebRtcEndpoint browser = browser("tcp-only");
        MediaRelay relay = gateway.newRelay("over-tcp");
        List<LegEvent> events = new CopyOnWriteArrayList<>();
        relay.onEvent(events::add);
        String answer = answerFor(relay, browser);
        try (IceTcpBridge bridge = new IceTcpBridge(gateway.tcpPort())) {
            browser.applyAnswer(udpCandidateAt(answer, bridge.udpPort()));

            Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
            echoed(browser, 50);

            TcpCounters tcp = gateway.tcpCounters();
            assertThat(relay.browserLeg(0).peer()).isEqualTo(bridge.tcpAddress());
            assertThat(relay.browserLeg(0).srtpProfile()).isEqualTo("AEAD_AES_128_GCM");
            assertThat(((BrowserTransport) relay.browserLeg(0)).tcpConnections())
                    .isEqualTo(1);
            assertThat(tcp.accepted()).isEqualTo(1);
            // every packet crossed TCP: 50 SRTP packets of 172 bytes each way at least, plus checks and DTLS
            assertThat(tcp.bytesIn()).isGreaterThan(50L * 174);
            assertThat(tcp.bytesOut()).isGreaterThan(50L * 174);
            assertThat(relay.counters().browser(0).packetsReceived()).isGreaterThanOrEqualTo(50);
            assertThat(relay.counters().browser(0).discarded(DiscardReason.SRTP_AUTH_FAILED))
                    .isZero();
            assertThat(gateway.connectedBrowserSockets()).isZero();

            bridge.closeTcp();
            Await.until("leg failed", WAIT, () -> relay.state() == RelayState.FAILED, relay::toString);
            assertThat(events)
                    .anyMatch(e -> e.kind() == LegEvent.Kind.LEG_FAILED
                            && e.side() == LegSide.BROWSER
                            && e.failure() == LegFailure.CONSENT_EXPIRED);
            Await.until("connection counted closed", WAIT, () -> tcp.closed(TcpClose.PEER_CLOSED) == 1, tcp::toString);
            assertThat(gateway.tcpConnections()).isZero();
        } finally {
            relay.close();
        }
    }

    @Test
    void aTcpConnectionLeftIdleWhenIceSelectsUdpIsClosed() throws Exception {
        WebRtcEndpoint browser = browser("udp-wins");
        String offer = browser.offer();
        MediaRelay relay = gateway.newRelay("udp-wins");
        WebRtcEndpoint echo = WebRtcEndpoint.open(island, "echo");
        WebRtcEndpoint.echo(echo);
        String answer = relay.browserAnswerFromIslandAnswer(echo.answer(relay.islandOfferFromBrowserOffer(offer)));
        SessionDescription a = SessionDescription.parse(answer);
        String ourUfrag = a.media().get(0).attribute("ice-ufrag");
        String ourPwd = a.media().get(0).attribute("ice-pwd");
        String theirUfrag = SessionDescription.parse(offer).media().get(0).attribute("ice-ufrag");

        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), gateway.tcpPort())) {
            s.setSoTimeout((int) WAIT.toMillis());
            byte[] check = StunMessageWriter.request(StunMessageType.BINDING)
                    .username(ourUfrag + ":" + theirUfrag)
                    .priority(IceCandidate.priority(90, 24575, 1))
                    .iceControlling(42)
                    .messageIntegrity(MessageIntegrity.Key.of(ourPwd))
                    .fingerprint()
                    .toBytes();
            byte[] frame = new byte[2 + check.length];
            frame[0] = (byte) (check.length >>> 8);
            frame[1] = (byte) check.length;
            System.arraycopy(check, 0, frame, 2, check.length);
            s.getOutputStream().write(frame);
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] response = in.readNBytes(in.readUnsignedShort());
            StunMessage m = new StunMessage().wrap(response, 0, response.length);
            assertThat(m.stunClass()).isEqualTo(org.vertogw.media.stun.StunClass.SUCCESS_RESPONSE);
            assertThat(((BrowserTransport) relay.browserLeg(0)).tcpConnections())
                    .isEqualTo(1);

            browser.applyAnswer(answer);
            Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
            TcpCounters tcp = gateway.tcpCounters();
            Await.until("idle TCP closed", WAIT, () -> tcp.closed(TcpClose.NOT_SELECTED) == 1, tcp::toString);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(relay.browserLeg(0).peer()).isNotEqualTo(s.getLocalSocketAddress());
            assertThat(relay.state()).isEqualTo(RelayState.CONNECTED);
            echoed(browser, 20);
        } finally {
            relay.close();
        }
    }
}
