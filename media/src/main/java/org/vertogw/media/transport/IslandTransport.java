package org.vertogw.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.vertogw.media.MediaContext;
import org.vertogw.media.ice.IceAgent;
import org.vertogw.media.ice.IceCredentials;
import org.vertogw.media.net.UdpSocket;
import org.vertogw.media.srtp.SrtpProfile;

/**
 * A transport on a UDP port of its own from the island range, with full ICE toward the one candidate the peer
 * offers, checked every second as FreeSWITCH does (docs/protocol.md §6.2). The gateway's leg toward an island is
 * one; so is each leg of the embedded island's FreeSWITCH-like endpoint toward the gateway. Once ICE has selected
 * the peer and DTLS has its keys, the socket is connected to the peer, so the kernel keeps the route instead of
 * looking it up per packet. Not before: connecting a {@code DatagramChannel} discards the datagrams already queued
 * on it, and the peer's first DTLS flight, sent the instant its ICE check was answered, was lost that way often
 * enough to hold a leg back for the 1 s retransmission timer (RFC 6347 §4.2.4.1).
 */
public final class IslandTransport extends MediaTransport {

    private final IceAgent agent;

    private IslandTransport(
            int mediaIndex,
            MediaContext ctx,
            UdpSocket socket,
            List<SrtpProfile> profiles,
            boolean controlling,
            boolean checksWhenControlled,
            Consumer<LegEvent> listener) {
        super(LegSide.ISLAND, mediaIndex, ctx.settings(), socket, profiles, listener);
        this.agent = new IceAgent(
                IceCredentials.random(),
                controlling,
                checksWhenControlled,
                ctx.settings().iceTimers(),
                iceOutput(),
                System.nanoTime());
        setIce(agent);
    }

    /**
     * Opens a port from the island range for a new transport.
     *
     * @param controlling the offerer controls (RFC 8445 §6.1.1), as FreeSWITCH assumes
     * @param checksWhenControlled FreeSWITCH checks in both roles; the gateway's island leg only when controlling
     * @throws IOException when no port of the range is free
     */
    public static IslandTransport open(
            int mediaIndex,
            MediaContext ctx,
            List<SrtpProfile> profiles,
            boolean controlling,
            boolean checksWhenControlled,
            Consumer<LegEvent> listener)
            throws IOException {
        AtomicReference<IslandTransport> holder = new AtomicReference<>();
        UdpSocket socket = ctx.islandPorts().open(ctx.settings().loop(), ctx.bindAddress(), (sock, pkt, from) -> {
            IslandTransport t = holder.get();
            if (t != null) {
                t.onDatagram(pkt, from);
            }
        });
        IslandTransport t =
                new IslandTransport(mediaIndex, ctx, socket, profiles, controlling, checksWhenControlled, listener);
        holder.set(t);
        return t;
    }

    /** The peer's ICE credentials and the one candidate we check (docs/protocol.md §6.2). */
    public void setRemote(IceCredentials remote, InetSocketAddress candidate) {
        agent.setRemote(remote, candidate);
    }

    @Override
    void selected(InetSocketAddress previous, InetSocketAddress current) {
        if (isSecure()) {
            socket().connect(current); // a new path after the handshake: nothing of it is in flight
        }
    }

    @Override
    void secured() {
        socket().connect(peer());
    }

    @Override
    void release() {
        socket().close();
    }
}
