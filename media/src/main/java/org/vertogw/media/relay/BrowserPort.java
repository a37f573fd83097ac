package org.vertogw.media.relay;

import java.net.InetSocketAddress;
import org.vertogw.media.demux.PacketClassifier;
import org.vertogw.media.demux.PacketKind;
import org.vertogw.media.demux.TransportDemux;
import org.vertogw.media.net.DatagramHandler;
import org.vertogw.media.net.UdpSocket;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.stun.StunDecodeException;
import org.vertogw.media.stun.StunMessage;

/**
 * The one UDP port every browser leg shares (RFC 8445 §2.5 lets an ICE-lite server use one host candidate): STUN
 * goes to the leg its USERNAME names, the rest to the leg whose selected address sent it. What matches no leg is
 * counted here. Runs on the media thread.
 */
public final class BrowserPort implements DatagramHandler {

    private final TransportDemux<MediaLeg> demux = new TransportDemux<>();
    private final LegCounters unmatched = new LegCounters();

    @Override
    public void onDatagram(UdpSocket socket, PacketBuffer p, InetSocketAddress from) {
        PacketKind kind = PacketClassifier.classify(p.array(), 0, p.length());
        if (kind == PacketKind.STUN) {
            StunMessage m;
            try {
                m = StunMessage.decode(p.array(), 0, p.length());
            } catch (StunDecodeException e) {
                unmatched.discard(DiscardReason.STUN_MALFORMED);
                return;
            }
            MediaLeg leg = demux.byUsername(m.username());
            if (leg == null) {
                unmatched.discard(DiscardReason.STUN_UNKNOWN_USERNAME);
            } else {
                leg.onStun(m, from);
            }
            return;
        }
        MediaLeg leg = demux.byAddress(from);
        if (leg != null) {
            leg.onPacket(kind, p, from);
        } else {
            unmatched.discard(switch (kind) {
                case DTLS -> DiscardReason.DTLS_UNVERIFIED_SOURCE;
                case RTP, RTCP -> DiscardReason.UNKNOWN_SOURCE;
                default -> DiscardReason.UNKNOWN_PACKET;
            });
        }
    }

    /** Media thread only. */
    void register(MediaLeg leg) {
        if (!demux.register(leg.ice().localCredentials().ufrag(), leg)) {
            throw new IllegalStateException("ICE ufrag collision on the shared port");
        }
    }

    void unregister(MediaLeg leg) {
        demux.unregister(leg.ice().localCredentials().ufrag(), leg);
    }

    void moved(MediaLeg leg, InetSocketAddress previous, InetSocketAddress current) {
        demux.bind(previous, current, leg);
    }

    /** Datagrams on the shared port that no browser leg claimed, by reason. */
    public LegCounters unmatched() {
        return unmatched;
    }

    /** Browser legs registered (media thread view). */
    public int legs() {
        return demux.transports();
    }
}
