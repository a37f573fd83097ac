package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vertogw.testing.Await;
import org.vertogw.testing.webrtc.LibWebRtcPeer;
import org.vertogw.testing.webrtc.LibWebRtcPhone;

/**
 * libwebrtc (webrtc-java), a WebRTC stack independent of Chromium, in a video call through the demo gateway: its
 * synthetic camera's VP8 goes through the relay to the island's echo and back, and counts only once libwebrtc
 * decoded it (inbound-rtp framesDecoded).
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class LibWebRtcVideoCallIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static GatewayFixture demo;

    @BeforeAll
    static void start() throws Exception {
        demo = GatewayFixture.withMedia();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void libWebRtcCalls9196WithVideoAndDecodesItsOwnFramesBack() throws Exception {
        try (LibWebRtcPhone phone = LibWebRtcPhone.login(demo.gateway.wssUri(), "1000@a.example", "1234", (short) 8000)
                .withVideo()) {
            String answer = phone.call("9196");
            assertThat(answer).contains("m=video").contains("VP8/90000").contains("a=ice-lite");
            LibWebRtcPeer peer = phone.peer();
            peer.awaitConnected(WAIT);
            long[] decoded = new long[1];
            Await.until(
                    "libwebrtc decodes its own video back from the echo",
                    WAIT,
                    () -> {
                        try {
                            decoded[0] = peer.framesDecoded();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return decoded[0] > 20;
                    },
                    () -> decoded[0] + " frames decoded");
            assertThat(phone.hangUp().path("result").path("message").asText()).isEqualTo("CALL ENDED");
        }
    }
}
