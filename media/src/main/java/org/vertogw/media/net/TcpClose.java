package org.vertogw.media.net;

/** Why an ICE-TCP connection was refused or closed; each has a counter ({@link TcpCounters}). */
public enum TcpClose {
    /** Refused at accept: {@link TcpLimits#maxConnections()} open already. */
    REFUSED_TOTAL_LIMIT,
    /** Refused at accept: {@link TcpLimits#maxPerAddress()} open from that address already. */
    REFUSED_ADDRESS_LIMIT,
    /** No authentic STUN check within {@link TcpLimits#handshakeTimeout()}. */
    HANDSHAKE_TIMEOUT,
    /** The first frame was not a STUN message. */
    NOT_STUN,
    /** The first check named no leg's ufrag (RFC 8445 §7.3). */
    UNKNOWN_USERNAME,
    /** A length field over the limit (RFC 4571 frames of up to one datagram are accepted). */
    OVERSIZE_FRAME,
    /** The peer closed or reset the connection. */
    PEER_CLOSED,
    /** Its leg ended. */
    LEG_CLOSED,
    /** The browser's ICE selected another pair (UDP): this idle connection is let go. */
    NOT_SELECTED,
    /** The port shut down. */
    PORT_CLOSED;

    /** Whether this counts a connection turned away by a limit or by bad input (rather than a normal end). */
    public boolean isRefusal() {
        return this != PEER_CLOSED && this != LEG_CLOSED && this != NOT_SELECTED && this != PORT_CLOSED;
    }
}
