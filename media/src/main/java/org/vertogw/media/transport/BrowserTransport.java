package org.vertogw.media.transport;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.function.Consumer;
import org.vertogw.media.MediaContext;
import org.vertogw.media.demux.PacketClassifier;
import org.vertogw.media.demux.PacketKind;
import org.vertogw.media.ice.IceCredentials;
import org.vertogw.media.ice.IceLiteAgent;
import org.vertogw.media.net.IceTcpConnection;
import org.vertogw.media.net.PacketSender;
import org.vertogw.media.net.TcpClose;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.stun.StunMessage;

/**
 * The transport toward a browser: ICE-lite (RFC 8445 §2.5) on the port every browser leg shares, DTLS preferring
 * AEAD_AES_128_GCM (RFC 7714). The shared port's {@link BrowserPort} routes its STUN by our ufrag, then its packets
 * by the address ICE selected. A browser that cannot use UDP reaches the same leg over ICE-TCP (RFC 6544): each
 * connection it opens to the TCP port is handed to this leg by its first check, and is to ICE one more source
 * address; when ICE selects it, media goes out on it. A selected connection that closes fails the leg as lost
 * consent would; when ICE selects UDP instead, the leg's connections are closed.
 */
public final class BrowserTransport extends MediaTransport {

    private static final IceTcpConnection[] NONE = {};

    private final BrowserPort port;
    private final IceLiteAgent agent;
    private final StunMessage tcpStun = new StunMessage();
    /** This leg's ICE-TCP connections; replaced on change, read by DTLS threads. */
    private volatile IceTcpConnection[] tcp = NONE;

    public BrowserTransport(int mediaIndex, MediaContext ctx, Consumer<LegEvent> listener) {
        super(LegSide.BROWSER, mediaIndex, ctx.settings(), ctx.browserSocket(), LegSettings.BROWSER_PROFILES, listener);
        this.port = ctx.browserPort();
        this.agent =
                new IceLiteAgent(IceCredentials.random(), ctx.settings().iceTimers(), iceOutput(), System.nanoTime());
        setIce(agent);
        port.register(this);
    }

    /** The browser's ICE credentials from its SDP: what its checks must carry. */
    public void acceptRemote(IceCredentials remote) {
        agent.setRemoteCredentials(remote);
    }

    /** The ICE-TCP port to advertise beside the UDP one, or 0. */
    public int tcpPort() {
        return port.tcpPort();
    }

    /** ICE-TCP connections this leg holds now. */
    public int tcpConnections() {
        return tcp.length;
    }

    /** A connection whose first check named this leg is now its own (media thread). */
    void adopt(IceTcpConnection c) {
        if (isClosed()) {
            c.close(TcpClose.LEG_CLOSED);
            return;
        }
        IceTcpConnection[] now = Arrays.copyOf(tcp, tcp.length + 1);
        now[now.length - 1] = c;
        tcp = now;
        c.onClose(reason -> tcpClosed(c, reason));
    }

    /** A frame from one of this leg's connections: to ICE, DTLS or SRTP as a datagram from its address would go. */
    void onTcpFrame(IceTcpConnection c, PacketBuffer p) {
        PacketKind kind = PacketClassifier.classify(p.array(), 0, p.length());
        if (kind != PacketKind.STUN) {
            onPacket(kind, p, c.remote());
            return;
        }
        StunMessage m = StunIntake.read(tcpStun, p, counters());
        if (m != null && onStun(m, c.remote())) {
            c.verified();
        }
    }

    private void tcpClosed(IceTcpConnection c, TcpClose reason) {
        IceTcpConnection[] now = Arrays.stream(tcp).filter(x -> x != c).toArray(IceTcpConnection[]::new);
        tcp = now;
        if (reason != TcpClose.LEG_CLOSED
                && reason != TcpClose.NOT_SELECTED
                && c.remote().equals(peer())) {
            fail(LegFailure.CONSENT_EXPIRED, "its ICE-TCP connection closed: " + reason.name());
        }
    }

    private IceTcpConnection connectionFrom(InetSocketAddress address) {
        for (IceTcpConnection c : tcp) {
            if (c.remote() == address || c.remote().equals(address)) {
                return c;
            }
        }
        return null;
    }

    @Override
    PacketSender senderFor(InetSocketAddress to) {
        IceTcpConnection c = tcp.length == 0 ? null : connectionFrom(to);
        return c != null ? c : super.senderFor(to);
    }

    @Override
    void selected(InetSocketAddress previous, InetSocketAddress current) {
        IceTcpConnection via = connectionFrom(current);
        port.moved(this, previous, via == null ? current : null);
        if (via != null) {
            sendVia(via);
        } else {
            closeTcp(TcpClose.NOT_SELECTED);
        }
    }

    private void closeTcp(TcpClose reason) {
        for (IceTcpConnection c : tcp) {
            c.close(reason);
        }
    }

    @Override
    void release() {
        port.unregister(this);
        closeTcp(TcpClose.LEG_CLOSED);
    }
}
