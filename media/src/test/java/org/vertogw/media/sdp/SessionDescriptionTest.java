package org.vertogw.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lossless parse/serialise, error messages naming the line, and the transport rewrite. */
class SessionDescriptionTest {

    /** A Chrome-like audio+video offer with BUNDLE, trickle, extensions, SSRCs and an unknown attribute. */
    static final String CHROME_OFFER = String.join(
            "\r\n",
            "v=0",
            "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "a=extmap-allow-mixed",
            "a=msid-semantic: WMS stream1",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
            "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0",
            "a=candidate:1 1 udp 2122260223 192.0.2.10 54321 typ host generation 0 network-id 1",
            "a=candidate:2 1 tcp 1518280447 192.0.2.10 9 typ host tcptype active generation 0",
            "a=ice-ufrag:Ab12",
            "a=ice-pwd:abcdefghijklmnopqrstuvwx",
            "a=ice-options:trickle",
            "a=fingerprint:sha-256 11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00",
            "a=setup:actpass",
            "a=mid:0",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=sendrecv",
            "a=msid:stream1 track1",
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2",
            "a=rtcp-fb:111 transport-cc",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "a=rtpmap:126 telephone-event/8000",
            "a=ssrc:1001 cname:abc",
            "a=x-unknown-thing:keep me",
            "m=video 9 UDP/TLS/RTP/SAVPF 96",
            "c=IN IP4 0.0.0.0",
            "a=ice-ufrag:Ab12",
            "a=ice-pwd:abcdefghijklmnopqrstuvwx",
            "a=fingerprint:sha-256 11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00",
            "a=setup:actpass",
            "a=mid:1",
            "a=rtpmap:96 VP8/90000",
            "a=ssrc-group:FID 2001 2002",
            "a=ssrc:2001 cname:abc",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "c=IN IP4 0.0.0.0",
            "a=mid:2",
            "");

    @Test
    void parseThenSerialiseReproducesTheInputExactly() throws Exception {
        SessionDescription sdp = SessionDescription.parse(CHROME_OFFER);
        assertThat(sdp.toString()).isEqualTo(CHROME_OFFER);
        assertThat(sdp.media()).hasSize(3);
        assertThat(sdp.media().get(0).formats()).containsExactly("111", "63", "9", "0", "8", "13", "110", "126");
        assertThat(sdp.media().get(1).mid()).isEqualTo("1");
        assertThat(SessionDescription.parse(CHROME_OFFER.replace("\r\n", "\n")).toString())
                .isEqualTo(CHROME_OFFER);
    }

    @Test
    void malformedLinesAreRefusedWithTheirLineNumber() throws Exception {
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\nbroken\r\n"))
                .isInstanceOf(SdpException.class)
                .hasMessageContaining("line 2");
        for (String m :
                new String[] {"audio x RTP/AVP 0", "audio / RTP/AVP 0", "audio  9 RTP/AVP 0", "audio 9 RTP/AVP"}) {
            assertThatThrownBy(() -> SessionDescription.parse("v=0\r\nm=" + m + "\r\n"))
                    .as(m)
                    .isInstanceOf(SdpException.class)
                    .hasMessageContaining("line 2: m= line is not <media> <port>[/<count>] <proto> <format>...");
        }
        assertThat(SessionDescription.parse("v=0\r\nm=audio 9/2 RTP/AVP 0\r\n")
                        .media()
                        .get(0)
                        .port())
                .isEqualTo(9);
        assertThatThrownBy(() -> SessionDescription.parse("o=x\r\n")).hasMessageContaining("v=");
        assertThatThrownBy(() -> SessionDescription.parse("")).hasMessageContaining("empty");
    }

    @Test
    void remoteTransportReadsIceDtlsAndCandidates() throws Exception {
        SessionDescription sdp = SessionDescription.parse(CHROME_OFFER);
        RemoteTransport t = RemoteTransport.of(sdp, 0);
        assertThat(t.iceUfrag()).isEqualTo("Ab12");
        assertThat(t.setup()).isEqualTo("actpass");
        assertThat(t.candidates()).hasSize(2);
        assertThat(t.rtcpMux()).isTrue();
        assertThat(t.iceLite()).isFalse();
        assertThatThrownBy(() -> RemoteTransport.of(sdp, 2)).hasMessageContaining("m-line 2 (application)");
    }

    @Test
    void rewriteReplacesTheTransportAndKeepsEverythingElse() throws Exception {
        SessionDescription sdp = SessionDescription.parse(CHROME_OFFER);
        LocalTransport audio = new LocalTransport(
                "203.0.113.5",
                10000,
                "gwU1",
                "gatewaypasswordgatewaypw",
                "candidate:1 1 UDP 2130706431 203.0.113.5 10000 typ host",
                "sha-256 AA:BB",
                "passive");
        LocalTransport video = new LocalTransport(
                "203.0.113.5",
                10000,
                "gwU2",
                "gatewaypasswordgatewaypw",
                "candidate:1 1 UDP 2130706431 203.0.113.5 10000 typ host",
                "sha-256 AA:BB",
                "passive");
        SessionDescription out = SdpRewriter.rewrite(sdp, Arrays.asList(audio, video, null), true);
        String text = out.toString();
        assertThat(text).doesNotContain("group:BUNDLE", "192.0.2.10", "Ab12", "trickle", "a=rtcp:9", "11:22:33");
        assertThat(out.hasAttribute("ice-lite")).isTrue();
        MediaDescription a = out.media().get(0);
        assertThat(a.port()).isEqualTo(10000);
        assertThat(a.line('c')).isEqualTo("IN IP4 203.0.113.5");
        assertThat(a.attribute("ice-ufrag")).isEqualTo("gwU1");
        assertThat(a.attribute("setup")).isEqualTo("passive");
        assertThat(a.attributes("candidate")).containsExactly("1 1 UDP 2130706431 203.0.113.5 10000 typ host");
        assertThat(a.hasAttribute("end-of-candidates")).isTrue();
        assertThat(a.hasAttribute("rtcp-mux")).isTrue();
        for (String kept : List.of(
                "a=rtpmap:111 opus/48000/2",
                "a=fmtp:111 minptime=10;useinbandfec=1",
                "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                "a=ssrc:1001 cname:abc",
                "a=x-unknown-thing:keep me",
                "a=msid:stream1 track1",
                "a=rtcp-fb:111 transport-cc",
                "a=ssrc-group:FID 2001 2002",
                "a=extmap-allow-mixed",
                "a=mid:1")) {
            assertThat(text).contains(kept);
        }
        assertThat(out.media().get(1).attribute("ice-ufrag")).isEqualTo("gwU2");
        assertThat(out.media().get(2).port()).isZero();
        assertThat(SessionDescription.parse(CHROME_OFFER).toString()).isEqualTo(CHROME_OFFER);
    }

    @Test
    void transportAttributesInAnyCaseNeverReachTheOtherSide() throws Exception {
        String forged = CHROME_OFFER.replace(
                "a=mid:0\r\n",
                "a=mid:0\r\na=CANDIDATE:9 1 udp 1 198.51.100.66 4444 typ host\r\n"
                        + "a=ICE-PWD:attackerpasswordattacker\r\na=Fingerprint:sha-256 66:66\r\na=SETUP:active\r\n"
                        + "a=Ice-Ufrag:evil\r\n");
        LocalTransport t = new LocalTransport(
                "203.0.113.5",
                10000,
                "gwU1",
                "gatewaypasswordgatewaypw",
                "candidate:1 1 UDP 2130706431 203.0.113.5 10000 typ host",
                "sha-256 AA:BB",
                "actpass");
        String out = SdpRewriter.rewrite(SessionDescription.parse(forged), Arrays.asList(t, t, null), false)
                .toString();
        assertThat(out.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("198.51.100.66", "attackerpassword", "66:66", "evil", "setup:active");
        assertThat(SessionDescription.parse(out).media().get(0).attributes("candidate"))
                .hasSize(1);
    }

    @Test
    void aCrOrNulInsideALineRefusesTheSdpNamingTheLine() {
        String cr = CHROME_OFFER.replace("a=mid:0", "a=mid:0\ra=candidate:9 1 udp 1 198.51.100.66 4444 typ host");
        assertThatThrownBy(() -> SessionDescription.parse(cr))
                .isInstanceOf(SdpException.class)
                .hasMessageContaining("line 18")
                .hasMessageContaining("a CR");
        String nul = CHROME_OFFER.replace("a=sendrecv", "a=send\u0000recv");
        assertThatThrownBy(() -> SessionDescription.parse(nul)).hasMessageContaining("a NUL");
    }
}
