package org.vertogw.media.relay;

import org.vertogw.media.rtp.PacketBuffer;

/** Where a leg hands each packet it decrypted, on the media thread; the buffer is reused after the call. */
@FunctionalInterface
public interface PacketSink {

    void onPacket(MediaLeg from, boolean rtcp, PacketBuffer packet);
}
