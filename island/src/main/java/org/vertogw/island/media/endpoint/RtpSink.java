package org.vertogw.island.media.endpoint;

/** Receives an endpoint's decrypted RTP and RTCP, on the media thread; the bytes are valid only during the call. */
@FunctionalInterface
public interface RtpSink {

    void onPacket(int mediaIndex, boolean rtcp, byte[] buf, int off, int len);
}
