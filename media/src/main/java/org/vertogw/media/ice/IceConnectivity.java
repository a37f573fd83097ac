package org.vertogw.media.ice;

import java.net.InetSocketAddress;
import org.vertogw.media.stun.StunMessage;

/** What a media leg needs from its ICE agent, lite or full: both are driven by one thread, sans I/O. */
public interface IceConnectivity {

    IceCredentials localCredentials();

    IceDiscard handle(StunMessage m, InetSocketAddress from, long nowNanos);

    void tick(long nowNanos);

    IceState state();

    InetSocketAddress selected();

    void close();
}
