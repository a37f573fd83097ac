package org.vertogw.media.net;

import java.net.InetSocketAddress;

/**
 * Where a leg's packets go out: a UDP socket (to any address) or an ICE-TCP connection (to its one peer, RFC 6544).
 * The buffer is the caller's and may be reused once the call returns.
 */
public interface PacketSender {

    /** Sends one packet; false when it was dropped (closed, refused by the kernel, or no room to queue it). */
    boolean send(byte[] buf, int off, int len, InetSocketAddress to);
}
