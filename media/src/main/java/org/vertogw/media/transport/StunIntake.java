package org.vertogw.media.transport;

import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.stun.StunDecodeException;
import org.vertogw.media.stun.StunMessage;

/** A STUN message read in place out of a datagram, the shared port's and every leg's, a malformed one counted. */
final class StunIntake {

    private StunIntake() {}

    /**
     * {@code reader} over the STUN message in {@code p} (no copy: valid while {@code p} is), or null after counting
     * it as malformed in {@code discards}.
     */
    static StunMessage read(StunMessage reader, PacketBuffer p, LegCounters discards) {
        try {
            return reader.wrap(p.array(), 0, p.length());
        } catch (StunDecodeException e) {
            discards.discard(DiscardReason.STUN_MALFORMED);
            return null;
        }
    }
}
