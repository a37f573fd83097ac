package org.vertogw.media.transport;

import org.vertogw.media.rtp.PacketBuffer;

/** Where a leg hands each packet it decrypted, on the media thread; the buffer is reused after the call. */
@FunctionalInterface
public interface PacketSink {

    void onPacket(MediaTransport from, boolean rtcp, PacketBuffer packet);
}
