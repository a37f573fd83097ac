package org.vertogw.testing.webrtc;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;

/**
 * The audio half of a libwebrtc stats report: what arrived (inbound-rtp counts only packets that were decrypted
 * and authenticated; audioLevel is measured on the decoded audio), what left, and the SRTP cipher of the transport.
 */
public record AudioStats(long packetsReceived, double audioLevel, long packetsSent, String srtpCipher) {

    static AudioStats of(RTCStatsReport report) {
        long received = 0;
        double level = 0;
        long sent = 0;
        String cipher = null;
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
        }
        return new AudioStats(received, level, sent, cipher);
    }

    private static long number(RTCStats s, String name) {
        return s.getAttributes().get(name) instanceof Number n ? n.longValue() : 0;
    }
}
