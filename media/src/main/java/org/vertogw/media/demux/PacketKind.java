package org.vertogw.media.demux;

/** What a datagram on a WebRTC transport carries, as told by {@link PacketClassifier}. */
public enum PacketKind {
    STUN,
    ZRTP,
    DTLS,
    TURN_CHANNEL,
    RTP,
    RTCP,
    /** First byte outside every RFC 7983 range, or too short for the protocol its first byte names. */
    UNKNOWN
}
