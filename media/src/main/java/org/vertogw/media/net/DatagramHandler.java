package org.vertogw.media.net;

import java.net.InetSocketAddress;
import org.vertogw.media.rtp.PacketBuffer;

/** Receives datagrams of one socket, on the media loop thread. The buffer is reused after the call returns. */
@FunctionalInterface
public interface DatagramHandler {

    void onDatagram(UdpSocket socket, PacketBuffer packet, InetSocketAddress from);
}
