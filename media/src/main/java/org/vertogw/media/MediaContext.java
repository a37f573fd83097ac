package org.vertogw.media;

import java.net.InetAddress;
import org.vertogw.media.net.PortRange;
import org.vertogw.media.net.UdpSocket;
import org.vertogw.media.transport.BrowserPort;
import org.vertogw.media.transport.LegCounters;
import org.vertogw.media.transport.LegSettings;

/**
 * What relays and endpoints of one engine share: the leg settings, the shared browser port and its router, the
 * island port range and the address to bind island sockets to, and the engine's bookkeeping hook.
 */
public record MediaContext(
        LegSettings settings,
        UdpSocket browserSocket,
        BrowserPort browserPort,
        PortRange islandPorts,
        InetAddress bindAddress,
        Lifecycle lifecycle) {

    /** Lets the engine track what is open and keep totals of what closed. */
    public interface Lifecycle {
        void opened(AutoCloseable owner);

        void closed(AutoCloseable owner, java.util.List<LegCounters> legs);
    }
}
