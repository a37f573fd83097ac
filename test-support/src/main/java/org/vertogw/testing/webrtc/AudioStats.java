package org.vertogw.testing.webrtc;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;

/**
 * The audio half of a libwebrtc stats report: what arrived (inbound-rtp counts only packets that were decrypted
 * and authenticated; audioLevel is measured on the decoded audio), what left, the SRTP cipher of the transport, and
 * the protocol ({@code udp} or {@code tcp}) of the local candidate of its selected pair (null before one is).
 */
public record AudioStats(
        long packetsReceived, double audioLevel, long packetsSent, String srtpCipher, String selectedProtocol) {

    static AudioStats of(RTCStatsReport report) {
        long received = 0;
        double level = 0;
        long sent = 0;
        String cipher = null;
        String pair = null;
        for (RTCStats s : report.getStats().values()) {
            if (s.getType() == RTCStatsType.INBOUND_RTP) {
                received += number(s, "packetsReceived");
                level = Math.max(level, s.getAttributes().get("audioLevel") instanceof Number n ? n.doubleValue() : 0);
            } else if (s.getType() == RTCStatsType.OUTBOUND_RTP) {
                sent += number(s, "packetsSent");
            } else if (s.getType() == RTCStatsType.TRANSPORT
                    && s.getAttributes().get("srtpCipher") != null) {
                cipher = String.valueOf(s.getAttributes().get("srtpCipher"));
            }
            if (s.getType() == RTCStatsType.TRANSPORT && s.getAttributes().get("selectedCandidatePairId") != null) {
                pair = String.valueOf(s.getAttributes().get("selectedCandidatePairId"));
            }
        }
        return new AudioStats(received, level, sent, cipher, protocolOf(report, pair));
    }

    /** transport.selectedCandidatePairId → candidate-pair.localCandidateId → local-candidate.protocol. */
    private static String protocolOf(RTCStatsReport report, String pairId) {
        RTCStats pair = pairId == null ? null : report.getStats().get(pairId);
        Object local = pair == null ? null : pair.getAttributes().get("localCandidateId");
        RTCStats candidate = local == null ? null : report.getStats().get(String.valueOf(local));
        Object protocol = candidate == null ? null : candidate.getAttributes().get("protocol");
        return protocol == null ? null : String.valueOf(protocol);
    }

    private static long number(RTCStats s, String name) {
        return s.getAttributes().get(name) instanceof Number n ? n.longValue() : 0;
    }
}
