package org.vertogw.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertogw.media.sdp.LocalTransport;
import org.vertogw.media.sdp.MediaDescription;
import org.vertogw.media.sdp.RemoteTransport;
import org.vertogw.media.sdp.SdpException;
import org.vertogw.media.sdp.SdpRewriter;
import org.vertogw.media.sdp.SessionDescription;
import org.vertogw.media.transport.IslandCandidate;
import org.vertogw.media.transport.LegNegotiation;

/**
 * Any SDP in a {@code verto.invite}, {@code verto.answer} or {@code verto.attach} (RFC 8866, RFC 8839, RFC 8122), read
 * as the relay reads it: it parses or is refused with {@link SdpException}; each section's transport, credentials,
 * fingerprint, setup and island candidate are taken or refused the same way; the rewritten SDP the gateway sends on
 * parses again, keeps every m-line and carries our transport in each section we relay.
 */
class SdpFuzzTest {

    private static final String BROWSER_OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n"
            + "t=0 0\r\na=group:BUNDLE 0 1\r\na=msid-semantic: WMS\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n"
            + "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\na=ice-options:trickle\r\n"
            + "a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF\r\n"
            + "a=setup:actpass\r\na=mid:0\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
            + "a=fmtp:111 minptime=10;useinbandfec=1\r\na=rtpmap:0 PCMU/8000\r\n"
            + "a=candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host\r\na=end-of-candidates\r\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:abcd\r\n"
            + "a=ice-pwd:abcdefghijklmnopqrstuvwx\r\na=setup:actpass\r\na=mid:1\r\na=rtpmap:96 VP8/90000\r\n"
            + "m=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:2\r\n";
    private static final String ISLAND_ANSWER = "v=0\r\no=FreeSWITCH 1 2 IN IP4 10.0.0.11\r\ns=FreeSWITCH\r\n"
            + "c=IN IP4 10.0.0.11\r\nt=0 0\r\na=msid-semantic: WMS fs\r\nm=audio 24000 RTP/SAVPF 111\r\n"
            + "a=rtpmap:111 opus/48000/2\r\na=fingerprint:sha-256 AA:BB\r\na=setup:active\r\na=rtcp-mux\r\n"
            + "a=ice-ufrag:fsUF\r\na=ice-pwd:fspwdfspwdfspwdfspwdfs\r\n"
            + "a=candidate:0560693492 1 udp 659136 10.0.0.11 24000 typ host generation 0\r\n";

    static Stream<Arguments> descriptions() {
        return Stream.of(Seeds.text(BROWSER_OFFER), Seeds.text(ISLAND_ANSWER));
    }

    @MethodSource("descriptions")
    @FuzzTest
    void parseAndRewrite(byte[] input) {
        SessionDescription sdp;
        try {
            sdp = SessionDescription.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SdpException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        List<LocalTransport> ours = new ArrayList<>();
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaDescription m = sdp.media().get(i);
            if (m.isRejected() || !m.proto().contains("RTP")) {
                ours.add(null);
                continue;
            }
            try {
                RemoteTransport t = RemoteTransport.of(sdp, i);
                LegNegotiation.credentials(t);
                LegNegotiation.fingerprint(t, i);
                LegNegotiation.setupOr(t.setup(), null);
                assertThat(IslandCandidate.pick(sdp, i, t).isUnresolved()).isFalse();
            } catch (SdpException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
            ours.add(new LocalTransport(
                    "192.0.2.1",
                    10000 + i,
                    "gw" + i + "uf",
                    "gatewaypasswordgateway" + i,
                    "1 1 udp 2130706431 192.0.2.1 " + (10000 + i) + " typ host",
                    "sha-256 01:02",
                    "actpass"));
        }
        String rewritten = SdpRewriter.rewrite(sdp, ours, true).toString();
        SessionDescription again;
        try {
            again = SessionDescription.parse(rewritten);
        } catch (SdpException e) {
            throw new AssertionError("the rewritten SDP does not parse: " + rewritten, e);
        }
        assertThat(again.media()).hasSameSizeAs(sdp.media());
        for (int i = 0; i < ours.size(); i++) {
            if (ours.get(i) != null) {
                assertThat(again.attribute(again.media().get(i), "ice-ufrag")).isEqualTo("gw" + i + "uf");
            }
        }
    }
}
