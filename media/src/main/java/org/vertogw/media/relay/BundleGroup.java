package org.vertogw.media.relay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.rtp.RtcpHeader;
import org.vertogw.media.rtp.RtpHeader;
import org.vertogw.media.sdp.MediaDescription;
import org.vertogw.media.sdp.SessionDescription;

/**
 * The browser's BUNDLE group (RFC 8843) as the relay keeps it: the m-lines that share one browser transport, and
 * which of them a packet arriving on it belongs to, since each still has its own island leg (FreeSWITCH never
 * bundles). RTP goes by payload type, which RFC 8843 §9.1 makes unique to an m-line within a group; RTCP by its
 * sender SSRC when that is one the browser sends RTP under, else by the SSRC it reports on (a report block's or a
 * feedback message's media source, RFC 3550 §6.4, RFC 4585 §6.1) when the island sends under it, else to the first
 * m-line. SSRCs are learned from the RTP itself. Media thread only; no allocation per packet.
 */
final class BundleGroup {

    /** SSRCs remembered per m-line and direction: the media stream and its RTX stream, with room to spare. */
    private static final int SSRCS = 4;

    /** Member m-line indexes in group order; an array, so that the per-packet look-ups iterate without boxing. */
    private int[] members;

    private final int[] byPayloadType = new int[128];
    private int[][] browserSsrcs;
    private int[][] islandSsrcs;

    private BundleGroup(List<Integer> members, int sections) {
        this.members = members.stream().mapToInt(Integer::intValue).toArray();
        Arrays.fill(byPayloadType, -1);
        browserSsrcs = new int[sections][SSRCS];
        islandSsrcs = new int[sections][SSRCS];
    }

    /**
     * The group of the offer's first {@code a=group:BUNDLE} among the m-lines {@code relayable} accepts, in group
     * order (the first is the offerer-tagged m-line), or null when it bundles fewer than two of them.
     */
    static BundleGroup of(SessionDescription offer, java.util.function.IntPredicate relayable) {
        for (String g : offer.attributes("group")) {
            String[] f = g.trim().split(" +");
            if (!f[0].equals("BUNDLE")) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            for (int k = 1; k < f.length; k++) {
                for (int i = 0; i < offer.media().size(); i++) {
                    if (f[k].equals(offer.media().get(i).mid()) && relayable.test(i) && !members.contains(i)) {
                        members.add(i);
                    }
                }
            }
            if (members.size() < 2) {
                return null;
            }
            BundleGroup group = new BundleGroup(members, offer.media().size());
            for (int i : members) {
                group.mapFormats(i, offer.media().get(i));
            }
            return group;
        }
        return null;
    }

    /** Whether the re-offer's BUNDLE group names {@code section} (which then joins the transport). */
    static boolean bundles(SessionDescription offer, int section) {
        String mid = offer.media().get(section).mid();
        for (String g : offer.attributes("group")) {
            List<String> f = List.of(g.trim().split(" +"));
            if (f.get(0).equals("BUNDLE")
                    && mid != null
                    && f.subList(1, f.size()).contains(mid)) {
                return true;
            }
        }
        return false;
    }

    /** An m-line a re-offer adds to the group (RFC 8843 §7.3): it shares the transport from now on. */
    void join(int section, MediaDescription m) {
        members = Arrays.copyOf(members, members.length + 1);
        members[members.length - 1] = section;
        int rows = Math.max(section + 1, browserSsrcs.length);
        browserSsrcs = Arrays.copyOf(browserSsrcs, rows);
        islandSsrcs = Arrays.copyOf(islandSsrcs, rows);
        browserSsrcs[section] = new int[SSRCS];
        islandSsrcs[section] = new int[SSRCS];
        mapFormats(section, m);
    }

    private void mapFormats(int section, MediaDescription m) {
        for (String pt : m.formats()) {
            int n = parse(pt);
            if (n >= 0 && n < 128 && byPayloadType[n] < 0) {
                byPayloadType[n] = section;
            }
        }
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    boolean contains(int section) {
        for (int m : members) {
            if (m == section) {
                return true;
            }
        }
        return false;
    }

    /** The offerer-tagged m-line: the one whose browser transport the group shares. */
    int tag() {
        return members[0];
    }

    /** The {@code a=group} value for the answer: the members the answer keeps, tag first. */
    String answerGroup(SessionDescription answer) {
        StringBuilder sb = new StringBuilder("BUNDLE");
        for (int i : members) {
            MediaDescription m = answer.media().get(i);
            if (!m.isRejected() && m.mid() != null) {
                sb.append(' ').append(m.mid());
            }
        }
        return sb.toString();
    }

    /** The m-line a packet from the browser belongs to, or -1 when none of the group's does. */
    int fromBrowser(boolean rtcp, PacketBuffer p) {
        byte[] b = p.array();
        if (!rtcp) {
            int section = byPayloadType[RtpHeader.payloadType(b, 0)];
            if (section >= 0) {
                remember(browserSsrcs[section], RtpHeader.ssrc(b, 0));
            }
            return section;
        }
        int section = find(browserSsrcs, RtcpHeader.senderSsrc(b, 0));
        if (section < 0 && p.length() >= RtcpHeader.LENGTH + 4) {
            section = find(islandSsrcs, org.vertogw.media.rtp.Bytes.readInt(b, RtcpHeader.LENGTH));
        }
        return section >= 0 ? section : tag();
    }

    /** RTP the island sends on {@code section}: its SSRC is what the browser's reports will name. */
    void fromIsland(int section, boolean rtcp, PacketBuffer p) {
        if (!rtcp) {
            remember(islandSsrcs[section], RtpHeader.ssrc(p.array(), 0));
        }
    }

    private static void remember(int[] known, int ssrc) {
        for (int i = 0; i < known.length; i++) {
            if (known[i] == ssrc) {
                return;
            }
            if (known[i] == 0) {
                known[i] = ssrc;
                return;
            }
        }
        known[known.length - 1] = ssrc;
    }

    private int find(int[][] table, int ssrc) {
        if (ssrc == 0) {
            return -1;
        }
        for (int i : members) {
            for (int s : table[i]) {
                if (s == ssrc) {
                    return i;
                }
            }
        }
        return -1;
    }
}
