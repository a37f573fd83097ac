package org.vertogw.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a Chromium video offer keeps on its way to the island: RTX and its ssrc-group FID, the feedback types and the
 * header extensions pass unchanged, so that the packets and RTCP the relay forwards untouched mean the same on both
 * sides; simulcast (RFC 8853) is dropped, so the island's answer declines it; and one codec per video answer.
 */
class VideoOfferRewriteTest {

    /** The video section of a Chromium 156 offer with three simulcast layers. */
    static final String SIMULCAST_OFFER = String.join(
            "\r\n",
            "v=0",
            "o=- 1 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99",
            "c=IN IP4 0.0.0.0",
            "a=ice-ufrag:Ab12",
            "a=ice-pwd:abcdefghijklmnopqrstuvwx",
            "a=fingerprint:sha-256 11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00",
            "a=setup:actpass",
            "a=mid:0",
            "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
            "a=sendrecv",
            "a=rtcp-mux",
            "a=rtcp-rsize",
            "a=rtpmap:96 VP8/90000",
            "a=rtcp-fb:96 goog-remb",
            "a=rtcp-fb:96 transport-cc",
            "a=rtcp-fb:96 ccm fir",
            "a=rtcp-fb:96 nack",
            "a=rtcp-fb:96 nack pli",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "a=rtpmap:98 VP9/90000",
            "a=rtcp-fb:98 nack pli",
            "a=fmtp:98 profile-id=0",
            "a=rtpmap:99 rtx/90000",
            "a=fmtp:99 apt=98",
            "a=ssrc-group:FID 2001 2002",
            "a=ssrc:2001 cname:abc",
            "a=ssrc:2002 cname:abc",
            "a=rid:q send",
            "a=rid:h send",
            "a=simulcast:send q;h",
            "");

    private static LocalTransport transport() {
        return new LocalTransport(
                "127.0.0.1", 40000, "ufrag", "password-password-1234", List.of(), "sha-256 AA:BB", "actpass");
    }

    @Test
    void towardTheIslandRtxFeedbackAndExtensionsPassAndSimulcastIsDropped() throws Exception {
        SessionDescription offer = SessionDescription.parse(SIMULCAST_OFFER);
        List<LocalTransport> t = new ArrayList<>();
        t.add(transport());
        MediaDescription m = SdpRewriter.rewrite(offer, t, false).media().get(0);

        assertThat(m.formats()).containsExactly("96", "97", "98", "99");
        assertThat(m.attributes("fmtp")).contains("97 apt=96", "99 apt=98");
        assertThat(m.attributes("ssrc-group")).containsExactly("FID 2001 2002");
        assertThat(m.attributes("rtcp-fb"))
                .contains("96 goog-remb", "96 transport-cc", "96 ccm fir", "96 nack", "96 nack pli");
        assertThat(m.attributes("extmap"))
                .containsExactly(
                        "3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
                        "2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                        "10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id");
        assertThat(m.hasAttribute("simulcast")).isFalse();
        assertThat(m.attributes("rid")).isEmpty();
    }

    @Test
    void towardTheBrowserNothingOfTheVideoSectionIsDropped() throws Exception {
        SessionDescription offer = SessionDescription.parse(SIMULCAST_OFFER);
        List<LocalTransport> t = new ArrayList<>();
        t.add(transport());
        MediaDescription m = SdpRewriter.rewrite(offer, t, true).media().get(0);
        assertThat(m.attributes("rid")).hasSize(2);
        assertThat(m.attribute("simulcast")).isEqualTo("send q;h");
    }

    @Test
    void retainingOneCodecKeepsItsLinesAndTheWildcardFeedback() throws Exception {
        SessionDescription offer = SessionDescription.parse(SIMULCAST_OFFER);
        MediaDescription m = offer.media().get(0);
        m.addAttribute("rtcp-fb", "* nack");
        assertThat(m.payloadType("vp9")).isEqualTo("98");
        m.retainFormats(List.of("96"));
        assertThat(m.formats()).containsExactly("96");
        assertThat(m.attributes("rtpmap")).containsExactly("96 VP8/90000");
        assertThat(m.attributes("fmtp")).isEmpty();
        assertThat(m.attributes("rtcp-fb")).contains("96 nack pli", "* nack").hasSize(6);
    }
}
