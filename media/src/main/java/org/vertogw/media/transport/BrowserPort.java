package org.vertogw.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.media.demux.PacketClassifier;
import org.vertogw.media.demux.PacketKind;
import org.vertogw.media.demux.TransportDemux;
import org.vertogw.media.net.DatagramHandler;
import org.vertogw.media.net.IceTcpConnection;
import org.vertogw.media.net.LoopCalls;
import org.vertogw.media.net.MediaLoop;
import org.vertogw.media.net.TcpClose;
import org.vertogw.media.net.UdpSocket;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.stun.StunMessage;

/**
 * The one UDP port every browser leg shares (RFC 8445 §2.5 lets an ICE-lite server use one host candidate): STUN
 * goes to the leg its USERNAME names, the rest to the leg whose selected address sent it. What matches no leg is
 * counted here. The port and its routing live on the port's media thread; a leg on another media thread gets its
 * datagrams handed over as a copy (only until its connected socket takes over) and changes the routing through tasks
 * on the port's thread.
 */
public final class BrowserPort implements DatagramHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserPort.class);

    private final TransportDemux<BrowserTransport> demux = new TransportDemux<>();
    private final LegCounters unmatched = new LegCounters();
    private final StunMessage stun = new StunMessage();
    /**
     * Per browser leg, a socket on the shared port connected to its selected address: the kernel then hands that
     * browser's datagrams to it, and the JDK, which creates a sender address object per datagram unless it is the
     * same sender as the previous one, allocates nothing (a shared socket sees senders interleaved). The leg's
     * media goes out on it too, over the route the kernel keeps for a connected socket.
     */
    private final Map<BrowserTransport, UdpSocket> connected = new ConcurrentHashMap<>();

    private MediaLoop loop;
    private InetSocketAddress local;
    private volatile int tcpPort;
    private volatile boolean connectedSockets = true;

    /** Where the shared port is bound, so legs can get connected sockets on it. */
    public void attach(MediaLoop loop, InetSocketAddress local) {
        this.loop = loop;
        this.local = local;
    }

    /** The ICE-TCP port legs advertise beside the UDP one (0: none). */
    public void attachTcp(int port) {
        this.tcpPort = port;
    }

    int tcpPort() {
        return tcpPort;
    }

    /**
     * The first frame of a new ICE-TCP connection, on the port's thread: it must be a STUN check naming a leg's
     * ufrag (RFC 6544 §7.1 with RFC 8445 §7.3), which then gets the connection; anything else closes it, counted.
     */
    public void onFirstTcpFrame(IceTcpConnection c, PacketBuffer p) {
        if (PacketClassifier.classify(p.array(), 0, p.length()) != PacketKind.STUN) {
            c.close(TcpClose.NOT_STUN);
            return;
        }
        StunMessage m = StunIntake.read(stun, p, unmatched);
        if (m == null) {
            c.close(TcpClose.NOT_STUN);
            return;
        }
        int ufrag = m.usernameLocalOffset();
        BrowserTransport leg = ufrag < 0 ? null : demux.byLocalUfrag(m.array(), ufrag, m.usernameLocalLength());
        if (leg == null) {
            unmatched.discard(DiscardReason.STUN_UNKNOWN_USERNAME);
            c.close(TcpClose.UNKNOWN_USERNAME);
            return;
        }
        c.handOver(leg.loop(), leg::onTcpFrame, leg::adopt, p);
    }

    @Override
    public void onDatagram(UdpSocket socket, PacketBuffer p, InetSocketAddress from) {
        PacketKind kind = PacketClassifier.classify(p.array(), 0, p.length());
        if (kind == PacketKind.STUN) {
            StunMessage m = StunIntake.read(stun, p, unmatched);
            if (m == null) {
                return;
            }
            int ufrag = m.usernameLocalOffset();
            BrowserTransport leg = ufrag < 0 ? null : demux.byLocalUfrag(m.array(), ufrag, m.usernameLocalLength());
            if (leg == null) {
                unmatched.discard(DiscardReason.STUN_UNKNOWN_USERNAME);
            } else if (leg.loop() == loop) {
                leg.onStun(m, from);
            } else {
                handOver(leg, p, from);
            }
            return;
        }
        BrowserTransport leg = demux.byAddress(from);
        if (leg != null && leg.loop() == loop) {
            leg.onPacket(kind, p, from);
        } else if (leg != null) {
            handOver(leg, p, from);
        } else {
            unmatched.discard(
                    switch (kind) {
                        case DTLS -> DiscardReason.DTLS_UNVERIFIED_SOURCE;
                        case RTP, RTCP -> DiscardReason.UNKNOWN_SOURCE;
                        default -> DiscardReason.UNKNOWN_PACKET;
                    });
        }
    }

    /** A copy of the datagram, for the leg's own media thread. */
    private static void handOver(BrowserTransport leg, PacketBuffer p, InetSocketAddress from) {
        PacketBuffer copy = new PacketBuffer();
        copy.set(p.array(), 0, p.length());
        copy.setReceivedNanos(p.receivedNanos());
        leg.loop().execute(() -> leg.onDatagram(copy, from));
    }

    /** Runs {@code r} on the port's thread: now when called there, else as a task in submission order. */
    private void onPortThread(Runnable r) {
        if (loop == null || loop.inLoop()) {
            r.run();
        } else {
            loop.execute(r);
        }
    }

    /**
     * Runs {@code r} on the port's thread and waits for it. Safe from any media thread: the port's thread never
     * waits for another one.
     */
    private void onPortThreadAndWait(Runnable r) {
        if (loop == null) {
            r.run();
        } else {
            LoopCalls.run(loop, r);
        }
    }

    /** Makes the leg's ufrag route here; waits for the port's thread, so that a collision fails the caller. */
    void register(BrowserTransport leg) {
        String ufrag = leg.ice().localCredentials().ufrag();
        onPortThreadAndWait(() -> {
            if (!demux.register(ufrag, leg)) {
                throw new IllegalStateException("ICE ufrag collision on the shared port");
            }
        });
    }

    /** On the leg's media thread. */
    void unregister(BrowserTransport leg) {
        String ufrag = leg.ice().localCredentials().ufrag();
        onPortThread(() -> demux.unregister(ufrag, leg));
        disconnect(leg);
    }

    /** On the leg's media thread: ICE selected {@code current} for the leg (null: an ICE-TCP connection). */
    void moved(BrowserTransport leg, InetSocketAddress previous, InetSocketAddress current) {
        // applied before the check is answered, so the browser's DTLS and media that follow find their leg
        onPortThreadAndWait(() -> demux.bind(previous, current, leg));
        disconnect(leg);
        if (current != null && connectedSockets && local != null) {
            try {
                // what arrives on it can only come from that leg's browser: no demultiplexing, and it is served
                // by the leg's own media thread
                UdpSocket s = leg.loop().openShared(local, current, (socket, p, from) -> leg.onDatagram(p, from));
                connected.put(leg, s);
                leg.sendVia(s);
            } catch (IOException e) {
                // Without SO_REUSEPORT everything still arrives on the shared socket; only the allocation is lost.
                connectedSockets = false;
                LOG.warn(
                        "no connected sockets on the shared port {} ({}); browser media stays on the shared socket",
                        local,
                        e.getMessage());
            }
        }
    }

    private void disconnect(BrowserTransport leg) {
        UdpSocket s = connected.remove(leg);
        if (s != null) {
            leg.sendVia(null);
            s.close();
        }
    }

    /** Connected sockets open now. */
    public int connectedSockets() {
        return connected.size();
    }

    /** Datagrams on the shared port that no browser leg claimed, by reason. */
    public LegCounters unmatched() {
        return unmatched;
    }

    /** Browser legs registered (the port thread's view). */
    public int legs() {
        return demux.transports();
    }
}
