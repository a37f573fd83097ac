package org.vertogw.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertogw.media.sdp.SessionDescription;

/** The clock rate that turns a section's jitter into seconds comes from its first payload format. */
class PathQualityTest {

    private static SessionDescription sdp(String media) throws Exception {
        return SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" + media);
    }

    @Test
    void clockRateOfTheFirstFormat() throws Exception {
        SessionDescription s = sdp("m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:111 opus/48000/2\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n"
                + "m=audio 9 RTP/SAVP 8\r\n");
        assertThat(PathQuality.clockRateOf(s.media().get(0))).isEqualTo(48_000);
        assertThat(PathQuality.clockRateOf(s.media().get(1))).isEqualTo(90_000);
        assertThat(PathQuality.clockRateOf(s.media().get(2))).as("static PCMA").isEqualTo(8_000);
    }
}
