package org.vertogw.gateway.config;

import java.time.Duration;
import org.vertogw.media.net.TcpLimits;

/**
 * ICE-TCP toward browsers (RFC 6544; docs/configuration.md, {@code media.tcp*}): whether browser legs also offer a
 * passive TCP candidate, the listening port, and what clients may make that port spend.
 *
 * @param port the listening port; -1 means the browser UDP port's number
 */
public record IceTcpSettings(boolean enabled, int port, TcpLimits limits) {

    public IceTcpSettings {
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("media.tcpPort: " + port + " outside 0..65535");
        }
        limits = limits == null ? TcpLimits.DEFAULTS : limits;
    }

    /** On, on the UDP port's number, with the media module's limits. */
    public static IceTcpSettings defaults() {
        return new IceTcpSettings(true, -1, TcpLimits.DEFAULTS);
    }

    public static IceTcpSettings off() {
        return new IceTcpSettings(false, -1, TcpLimits.DEFAULTS);
    }

    /** The limits with any given value replacing its default (null: keep). */
    static TcpLimits limits(
            Integer maxConnections, Integer maxPerAddress, Long handshakeTimeoutMs, Integer maxQueuedBytes) {
        TcpLimits d = TcpLimits.DEFAULTS;
        try {
            return new TcpLimits(
                    maxConnections == null ? d.maxConnections() : maxConnections,
                    maxPerAddress == null ? d.maxPerAddress() : maxPerAddress,
                    handshakeTimeoutMs == null ? d.handshakeTimeout() : Duration.ofMillis(handshakeTimeoutMs),
                    maxQueuedBytes == null ? d.maxQueuedBytes() : maxQueuedBytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("media.tcp*: " + e.getMessage(), e);
        }
    }
}
