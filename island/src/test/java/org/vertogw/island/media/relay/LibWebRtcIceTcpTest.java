package org.vertogw.island.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.net.TcpLimits;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.RelayState;
import org.vertogw.media.transport.BrowserTransport;
import org.vertogw.media.transport.DiscardReason;
import org.vertogw.testing.Await;
import org.vertogw.testing.webrtc.AudioStats;
import org.vertogw.testing.webrtc.LibWebRtcPeer;

/**
 * libwebrtc (webrtc-java) as an independent browser that gathers TCP candidates only, as on a network that blocks
 * UDP: it must connect to the gateway's ICE-TCP passive candidate (RFC 6544) from an active one, run DTLS and SRTP
 * over that connection, and hear its own tone back through the relay and the island echo. Its stats must show the
 * selected pair on TCP, and the gateway's leg must be on its ICE-TCP connection, not on UDP.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class LibWebRtcIceTcpTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final short AMPLITUDE = 8000;

    private final MediaEngine gateway = MediaEngine.start(MediaConfig.builder()
            .bindAddress("127.0.0.1")
            .browserPort(0)
            .islandPorts(0, 0)
            .tcp(true, 0, TcpLimits.DEFAULTS)
            .build());
    private final MediaEngine island = MediaRelayLoopbackTest.engine();

    @AfterEach
    void tearDown() {
        gateway.close();
        island.close();
    }

    @Test
    void libWebRtcWithoutUdpHearsItsToneOverIceTcp() throws Exception {
        MediaRelay relay = gateway.newRelay("libwebrtc-tcp");
        WebRtcEndpoint echo = WebRtcEndpoint.open(island, "island");
        WebRtcEndpoint.echo(echo);
        try (LibWebRtcPeer browser =
                new LibWebRtcPeer("libwebrtc-tcp", AMPLITUDE, LibWebRtcPeer.Transport.TCP, false)) {
            String islandOffer = relay.islandOfferFromBrowserOffer(browser.offer());
            browser.applyAnswer(relay.browserAnswerFromIslandAnswer(echo.answer(islandOffer)));
            browser.awaitConnected(WAIT);
            Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
            browser.startTone(WAIT);

            AudioStats heard = browser.awaitAudio(50, WAIT);

            assertThat(heard.selectedProtocol()).isEqualTo("tcp");
            assertThat(heard.audioLevel()).isCloseTo(browser.toneLevel(), within(0.05));
            assertThat(heard.srtpCipher()).isEqualTo("AEAD_AES_128_GCM");
            BrowserTransport leg = (BrowserTransport) relay.browserLeg(0);
            assertThat(leg.tcpConnections()).isPositive();
            assertThat(gateway.connectedBrowserSockets()).isZero();
            assertThat(gateway.tcpCounters().accepted()).isPositive();
            assertThat(gateway.tcpCounters().bytesIn()).isGreaterThan(50L * 60);
            assertThat(relay.counters().browser(0).packetsReceived()).isGreaterThanOrEqualTo(50);
            assertThat(relay.counters().browser(0).packetsSent()).isGreaterThanOrEqualTo(50);
            assertThat(relay.counters().browser(0).discarded(DiscardReason.SRTP_AUTH_FAILED))
                    .isZero();
        } finally {
            relay.close();
            echo.close();
        }
    }
}
