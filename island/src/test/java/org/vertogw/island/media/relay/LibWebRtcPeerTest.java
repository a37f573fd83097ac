package org.vertogw.island.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.PathQuality;
import org.vertogw.media.relay.RelayState;
import org.vertogw.media.transport.DiscardReason;
import org.vertogw.testing.Await;
import org.vertogw.testing.webrtc.AudioStats;
import org.vertogw.testing.webrtc.LibWebRtcPeer;

/**
 * libwebrtc (webrtc-java) as an independent browser, straight on the media module: it offers audio to the gateway
 * relay (ICE-lite, DTLS, SRTP with GCM), the island endpoint answers and echoes (AES-CM toward the relay), and
 * libwebrtc must hear its own tone back. Both directions cross the relay: libwebrtc counts only packets that
 * decrypted and authenticated, and a decoded audio level at the tone's amplitude proves the payload survived.
 * libwebrtc's own receiver reports, read by the relay, give the browser leg its call quality.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class LibWebRtcPeerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final short AMPLITUDE = 8000;

    private final MediaEngine gateway = MediaRelayLoopbackTest.engine();
    private final MediaEngine island = MediaRelayLoopbackTest.engine();

    @AfterEach
    void tearDown() {
        gateway.close();
        island.close();
    }

    @Test
    void libWebRtcHearsItsOwnToneBackThroughTheRelayAndTheIslandEcho() throws Exception {
        MediaRelay relay = gateway.newRelay("libwebrtc");
        WebRtcEndpoint echo = WebRtcEndpoint.open(island, "island");
        AtomicLong islandHeard = new AtomicLong();
        echo.onRtp((i, rtcp, b, o, l) -> {
            if (!rtcp) {
                islandHeard.incrementAndGet();
                echo.sendRtp(i, b, o, l);
            }
        });
        try (LibWebRtcPeer browser = new LibWebRtcPeer("libwebrtc", AMPLITUDE)) {
            String islandOffer = relay.islandOfferFromBrowserOffer(browser.offer());
            browser.applyAnswer(relay.browserAnswerFromIslandAnswer(echo.answer(islandOffer)));
            browser.awaitConnected(WAIT);
            Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
            browser.startTone(WAIT);

            AudioStats heard = browser.awaitAudio(50, WAIT);

            assertThat(heard.audioLevel()).isCloseTo(browser.toneLevel(), within(0.05));
            assertThat(heard.srtpCipher()).isEqualTo("AEAD_AES_128_GCM");
            assertThat(relay.browserLeg(0).srtpProfile()).isEqualTo("AEAD_AES_128_GCM");
            assertThat(relay.islandLeg(0).srtpProfile()).isEqualTo("AES_CM_128_HMAC_SHA1_80");
            assertThat(islandHeard.get()).isGreaterThanOrEqualTo(50);
            assertThat(relay.counters().browser(0).packetsReceived()).isGreaterThanOrEqualTo(50);
            assertThat(relay.counters().browser(0).packetsSent()).isGreaterThanOrEqualTo(50);
            assertThat(relay.counters().browser(0).discarded(DiscardReason.SRTP_AUTH_FAILED))
                    .isZero();
            assertThat(relay.counters().island(0).discarded(DiscardReason.SRTP_AUTH_FAILED))
                    .isZero();
            // libwebrtc's own RTCP reports on the echoed stream reach the relay's call quality for the browser leg
            PathQuality q = relay.quality().sections().get(0);
            Await.until(
                    "libwebrtc's reception reports read",
                    WAIT,
                    () -> q.browser().reports() > 0,
                    q.browser()::toString);
            assertThat(q.browser().lossRatio()).isBetween(0.0, 1.0);
            assertThat(q.browser().jitterSeconds()).isBetween(0.0, 1.0);
        } finally {
            relay.close();
            echo.close();
        }
    }
}
