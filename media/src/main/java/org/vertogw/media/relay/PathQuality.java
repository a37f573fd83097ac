package org.vertogw.media.relay;

import org.vertogw.media.rtcp.LegQuality;
import org.vertogw.media.rtcp.RtcpCompound;
import org.vertogw.media.rtcp.RtcpListener;
import org.vertogw.media.rtcp.SenderReportLog;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.sdp.MediaDescription;

/**
 * The call quality of one media section's two legs, fed with every decrypted RTCP packet the relay forwards: an SR
 * from one side is logged as relayed toward the other; a report block from a side is that side's leg's figure
 * ({@link LegQuality}). Media thread only, no allocation per packet.
 */
public final class PathQuality {

    private final LegQuality browser;
    private final LegQuality island;
    private final SenderReportLog toBrowser = new SenderReportLog();
    private final SenderReportLog toIsland = new SenderReportLog();
    private final Side fromBrowser;
    private final Side fromIsland;

    PathQuality(int clockRate) {
        this.browser = new LegQuality(clockRate);
        this.island = new LegQuality(clockRate);
        this.fromBrowser = new Side(browser, toBrowser, toIsland);
        this.fromIsland = new Side(island, toIsland, toBrowser);
    }

    /** The browser leg: what the browser reports of the media it receives, and the gateway-browser round trip. */
    public LegQuality browser() {
        return browser;
    }

    /** The island leg: what the island reports, and the gateway-island round trip. */
    public LegQuality island() {
        return island;
    }

    /** Reads the decrypted RTCP packets from the browser, before they are relayed to the island. */
    Side fromBrowser() {
        return fromBrowser;
    }

    Side fromIsland() {
        return fromIsland;
    }

    /**
     * The clock rate of a media section's first payload format (its {@code a=rtpmap}, RFC 8866 §6.6), or that of
     * its static payload type (RFC 3551 §6: 8000 for audio, 90000 for video) when it has none.
     */
    static int clockRateOf(MediaDescription m) {
        String first = m.formats().isEmpty() ? "" : m.formats().get(0);
        for (String map : m.attributes("rtpmap")) {
            int space = map.indexOf(' ');
            if (space > 0 && map.substring(0, space).equals(first)) {
                String[] enc = map.substring(space + 1).split("/");
                try {
                    return enc.length > 1 ? Integer.parseInt(enc[1].trim()) : 0;
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        return "video".equals(m.media()) ? 90_000 : 8_000;
    }

    /** The packets coming from one side: its reports feed its own leg, its SRs go toward the other side. */
    static final class Side implements RtcpListener {

        private final LegQuality leg;
        private final SenderReportLog relayedToThisSide;
        private final SenderReportLog relayedToOtherSide;
        private long now;

        Side(LegQuality leg, SenderReportLog relayedToThisSide, SenderReportLog relayedToOtherSide) {
            this.leg = leg;
            this.relayedToThisSide = relayedToThisSide;
            this.relayedToOtherSide = relayedToOtherSide;
        }

        void read(PacketBuffer p) {
            long arrived = p.receivedNanos();
            now = arrived != 0 ? arrived : System.nanoTime();
            RtcpCompound.walk(p.array(), p.length(), this);
        }

        @Override
        public void senderReport(long senderSsrc, int ntpMiddle) {
            relayedToOtherSide.relayed(ntpMiddle, now);
        }

        @Override
        public void receptionReport(long reporterSsrc, byte[] b, int off) {
            leg.report(b, off, now, relayedToThisSide);
        }
    }
}
