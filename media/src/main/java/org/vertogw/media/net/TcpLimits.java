package org.vertogw.media.net;

import java.time.Duration;

/**
 * What one ICE-TCP port lets clients make the gateway spend (docs/configuration.md, {@code media.tcp*}): open
 * connections in all and per source address (a NAT puts many browsers behind one address, so the second is
 * generous), the time a new connection has to pass a STUN check, and the bytes queued for a slow reader before
 * packets for it are dropped. Each refusal is counted by its {@link TcpClose} reason.
 */
public record TcpLimits(int maxConnections, int maxPerAddress, Duration handshakeTimeout, int maxQueuedBytes) {

    public static final TcpLimits DEFAULTS = new TcpLimits(4096, 256, Duration.ofSeconds(5), 64 * 1024);

    public TcpLimits {
        if (maxConnections < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("ICE-TCP connection limits must be at least 1");
        }
        if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("ICE-TCP handshake timeout must be positive");
        }
        if (maxQueuedBytes < 2 * (Rfc4571Framer.HEADER + org.vertogw.media.rtp.PacketBuffer.MAX_DATAGRAM)) {
            throw new IllegalArgumentException(
                    "ICE-TCP queue of " + maxQueuedBytes + " bytes holds fewer than two " + "full packets");
        }
    }
}
