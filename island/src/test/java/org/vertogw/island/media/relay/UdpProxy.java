package org.vertogw.island.media.relay;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP hop between a browser stand-in and the gateway's shared port. From the browser side it forwards every
 * datagram; for SRTP it first sends a copy with its last byte flipped (must fail authentication), then the
 * original, then the original again (must be refused as a replay).
 */
final class UdpProxy extends UdpHop {

    volatile boolean attack;
    final AtomicInteger tampered = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();

    UdpProxy(int gatewayPort) throws IOException {
        super(gatewayPort, "udp-proxy");
    }

    @Override
    void fromNear(byte[] d) throws IOException {
        boolean rtp = (d[0] & 0xC0) == 0x80 && (d[1] & 0x7F) < 64;
        if (attack && rtp) {
            byte[] bad = d.clone();
            bad[bad.length - 1] ^= 0x01;
            toGateway(bad);
            tampered.incrementAndGet();
        }
        toGateway(d);
        if (attack && rtp) {
            toGateway(d);
            replayed.incrementAndGet();
        }
    }
}
