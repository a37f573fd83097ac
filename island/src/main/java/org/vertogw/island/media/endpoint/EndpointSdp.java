package org.vertogw.island.media.endpoint;

import java.util.List;
import org.vertogw.media.sdp.LocalTransport;
import org.vertogw.media.sdp.MediaDescription;
import org.vertogw.media.sdp.SdpException;
import org.vertogw.media.sdp.SdpRewriter;
import org.vertogw.media.sdp.SessionDescription;

/**
 * The SDP a FreeSWITCH-like endpoint writes (docs/protocol.md §6.1): UDP/TLS/RTP/SAVPF, ICE with one host
 * candidate, sha-256 fingerprint, rtcp-mux, no BUNDLE, complete (end-of-candidates), its own a=ssrc per section.
 */
public final class EndpointSdp {

    private EndpointSdp() {}

    /** What a video section may carry besides its codec: repair and redundancy formats the endpoint does not use. */
    private static final List<String> NOT_A_CODEC = List.of("rtx", "red", "ulpfec", "flexfec-03");

    /**
     * FreeSWITCH's own offer: audio with opus, PCMU, PCMA and telephone-event, then VP8 video (payload type
     * {@code videoPt}) when there are two transports.
     */
    static SessionDescription offer(
            String address, long sessionId, int[] ssrcs, String cname, List<LocalTransport> transports, int videoPt)
            throws SdpException {
        StringBuilder base = new StringBuilder("v=0\r\n")
                .append("o=vertogw-island ")
                .append(sessionId)
                .append(" 1 IN IP4 ")
                .append(address)
                .append("\r\n")
                .append("s=vertogw-island\r\n")
                .append("c=IN IP4 ")
                .append(address)
                .append("\r\n")
                .append("t=0 0\r\n")
                .append("a=msid-semantic: WMS ")
                .append(cname)
                .append("\r\n")
                .append("m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8 101\r\n")
                .append("a=rtpmap:111 opus/48000/2\r\n")
                .append("a=fmtp:111 useinbandfec=1; minptime=10\r\n")
                .append("a=rtpmap:0 PCMU/8000\r\n")
                .append("a=rtpmap:8 PCMA/8000\r\n")
                .append("a=rtpmap:101 telephone-event/8000\r\n")
                .append("a=fmtp:101 0-16\r\n")
                .append("a=ptime:20\r\n")
                .append("a=sendrecv\r\n")
                .append("a=mid:0\r\n");
        streams(base, ssrcs[0], cname, "a0");
        if (transports.size() > 1) {
            String pt = Integer.toString(videoPt);
            base.append("m=video 9 UDP/TLS/RTP/SAVPF " + pt + "\r\n")
                    .append("a=rtpmap:" + pt + " VP8/90000\r\n")
                    .append("a=rtcp-fb:" + pt + " nack\r\n")
                    .append("a=rtcp-fb:" + pt + " nack pli\r\n")
                    .append("a=rtcp-fb:" + pt + " ccm fir\r\n")
                    .append("a=sendrecv\r\n")
                    .append("a=mid:1\r\n");
            streams(base, ssrcs[1], cname, "v0");
        }
        return SdpRewriter.rewrite(SessionDescription.parse(base.toString()), transports, false);
    }

    private static void streams(StringBuilder sdp, int ssrc, String cname, String track) {
        String id = Integer.toUnsignedString(ssrc);
        sdp.append("a=ssrc:")
                .append(id)
                .append(" cname:")
                .append(cname)
                .append("\r\n")
                .append("a=ssrc:")
                .append(id)
                .append(" msid:")
                .append(cname)
                .append(' ')
                .append(track)
                .append("\r\n");
    }

    /**
     * An answer mirroring the offer's sections and codecs, with our transport and streams instead of the
     * offerer's, and the direction reversed (sendonly becomes recvonly and vice versa, RFC 3264 §6.1). A video
     * section keeps one codec, VP8 when offered (FreeSWITCH's default {@code opus,vp8}), and no RTX, RED or FEC:
     * the endpoint sends one stream under one SSRC, so a repair stream could not be told apart from the media.
     */
    static SessionDescription answer(
            SessionDescription offer, List<LocalTransport> transports, int[] ssrcs, String cname) {
        SessionDescription out = SdpRewriter.rewrite(offer, transports, false);
        out.removeAttributes("msid-semantic");
        out.addAttribute("msid-semantic", " WMS " + cname);
        for (int i = 0; i < out.media().size(); i++) {
            MediaDescription m = out.media().get(i);
            m.removeAttributes("ssrc");
            m.removeAttributes("ssrc-group");
            m.removeAttributes("msid");
            if (transports.get(i) == null) {
                continue;
            }
            if (m.media().equals("video")) {
                String pt = videoCodec(m);
                if (pt != null) {
                    m.retainFormats(List.of(pt));
                }
            }
            if (m.hasAttribute("sendonly")) {
                m.removeAttributes("sendonly");
                m.addAttribute("recvonly", null);
            } else if (m.hasAttribute("recvonly")) {
                m.removeAttributes("recvonly");
                m.addAttribute("sendonly", null);
            }
            m.addAttribute("ssrc", Integer.toUnsignedString(ssrcs[i]) + " cname:" + cname);
        }
        return out;
    }

    /** The VP8 payload type of the offer's first video section (what {@link #answer} keeps), or -1. */
    public static int answerVideoPayloadType(SessionDescription offer) {
        for (MediaDescription m : offer.media()) {
            if (m.media().equals("video") && !m.isRejected()) {
                String pt = m.payloadType("VP8");
                return pt == null ? -1 : Integer.parseInt(pt);
            }
        }
        return -1;
    }

    /** The payload type a video answer keeps: VP8 when offered, else the first real codec; null when none is. */
    static String videoCodec(MediaDescription m) {
        String vp8 = m.payloadType("VP8");
        if (vp8 != null) {
            return vp8;
        }
        for (String f : m.formats()) {
            String map = rtpmapOf(m, f);
            if (map != null
                    && NOT_A_CODEC.stream().noneMatch(n -> map.regionMatches(true, 0, n + "/", 0, n.length() + 1))) {
                return f;
            }
        }
        return null;
    }

    private static String rtpmapOf(MediaDescription m, String format) {
        for (String v : m.attributes("rtpmap")) {
            if (v.startsWith(format + " ")) {
                return v.substring(format.length() + 1);
            }
        }
        return null;
    }
}
