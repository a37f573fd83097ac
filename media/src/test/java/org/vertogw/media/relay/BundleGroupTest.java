package org.vertogw.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertogw.media.rtp.Bytes;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.sdp.SessionDescription;

/** RFC 8843 demultiplexing on a bundled browser leg: RTP by payload type, RTCP by the SSRCs the RTP showed. */
class BundleGroupTest {

    private static final String OFFER = String.join(
            "\r\n",
            "v=0",
            "o=- 1 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1 2",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 126",
            "a=mid:0",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97",
            "a=mid:1",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "a=mid:2",
            "");

    private static PacketBuffer packet(String hex) {
        byte[] b = Bytes.fromHex(hex);
        PacketBuffer p = new PacketBuffer();
        p.set(b, 0, b.length);
        return p;
    }

    private static BundleGroup group() throws Exception {
        SessionDescription offer = SessionDescription.parse(OFFER);
        return BundleGroup.of(offer, i -> offer.media().get(i).proto().contains("RTP"));
    }

    @Test
    void theGroupHoldsTheRtpMLinesOnlyAndTheAnswerNamesThoseKept() throws Exception {
        BundleGroup g = group();
        assertThat(g.tag()).isZero();
        assertThat(g.contains(1)).isTrue();
        assertThat(g.contains(2)).as("the data channel is refused, not bundled").isFalse();
        assertThat(g.answerGroup(SessionDescription.parse(OFFER))).isEqualTo("BUNDLE 0 1");
    }

    @Test
    void rtpGoesByPayloadTypeAndRtcpBySsrc() throws Exception {
        BundleGroup g = group();
        // VP8 (96) and its RTX (97) from SSRC 0x0000B1DE; Opus (111) from 0x0000A0D1
        assertThat(g.fromBrowser(false, packet("80600001000000000000b1de"))).isEqualTo(1);
        assertThat(g.fromBrowser(false, packet("80610001000000000000b1df"))).isEqualTo(1);
        assertThat(g.fromBrowser(false, packet("806f0001000000000000a0d1"))).isZero();
        assertThat(g.fromBrowser(false, packet("80220001000000000000a0d1")))
                .as("a payload type no m-line has")
                .isEqualTo(-1);
        // a PLI sent by the video SSRC: to the video m-line
        assertThat(g.fromBrowser(true, packet("81ce00020000b1de12345678"))).isEqualTo(1);
        // an RR from an SSRC that sends nothing, about the island's video SSRC 0x12345678: by the media source
        g.fromIsland(1, false, packet("806000010000000012345678"));
        assertThat(g.fromBrowser(true, packet("81c90007" + "00000001" + "12345678" + "0".repeat(40))))
                .isEqualTo(1);
        // nothing known: the first m-line
        assertThat(g.fromBrowser(true, packet("80c9000100000002"))).isZero();
    }
}
