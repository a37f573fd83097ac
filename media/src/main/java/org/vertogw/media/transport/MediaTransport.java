package org.vertogw.media.transport;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.media.demux.PacketClassifier;
import org.vertogw.media.demux.PacketKind;
import org.vertogw.media.dtls.DtlsFailure;
import org.vertogw.media.dtls.DtlsFingerprint;
import org.vertogw.media.dtls.DtlsListener;
import org.vertogw.media.dtls.DtlsRole;
import org.vertogw.media.dtls.DtlsTransport;
import org.vertogw.media.ice.IceConnectivity;
import org.vertogw.media.ice.IceDiscard;
import org.vertogw.media.ice.IceOutput;
import org.vertogw.media.ice.IceState;
import org.vertogw.media.net.PacketSender;
import org.vertogw.media.net.UdpSocket;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.srtp.SrtpKeyingMaterial;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.media.srtp.SrtpSession;
import org.vertogw.media.srtp.SrtpStatus;
import org.vertogw.media.stun.StunMessage;

/**
 * One WebRTC transport (one m-line toward one peer): ICE, DTLS in the role the SDP gave, SRTP/SRTCP with rtcp-mux
 * (RFC 8834 §4.4). It accepts DTLS and media only from the address ICE selected, decrypts into a {@link PacketSink},
 * and encrypts what it is asked to send. The two kinds differ in ICE and in their socket: a {@link BrowserTransport}
 * is ICE-lite on the shared port, an {@link IslandTransport} full ICE on a port of its own. Confined to the media
 * thread, except where noted; DTLS outcomes arrive on a handshake thread and are moved onto the media thread.
 */
public abstract sealed class MediaTransport permits BrowserTransport, IslandTransport {

    private static final Logger LOG = LoggerFactory.getLogger(MediaTransport.class);

    private final LegSide side;
    private final int mediaIndex;
    private final LegSettings settings;
    private final UdpSocket socket;
    private final List<SrtpProfile> profiles;
    private final LegCounters counters = new LegCounters();
    private final StunMessage stun = new StunMessage();
    private IceConnectivity ice;
    private PacketSink sink = (leg, rtcp, p) -> {};
    private volatile DtlsTransport dtls;
    private final EarlyRecords early = new EarlyRecords();
    private DtlsRole role;
    private volatile InetSocketAddress peer;
    /** Where media goes out: {@link #socket}, a socket connected to {@link #peer}, or an ICE-TCP connection. */
    private PacketSender mediaSocket;

    private volatile SrtpSession srtp;
    private final LegStatus status;

    MediaTransport(
            LegSide side,
            int mediaIndex,
            LegSettings settings,
            UdpSocket socket,
            List<SrtpProfile> profiles,
            Consumer<LegEvent> listener) {
        this.side = side;
        this.status = new LegStatus(side, mediaIndex, listener);
        this.mediaIndex = mediaIndex;
        this.settings = settings;
        this.socket = socket;
        this.profiles = profiles;
        this.mediaSocket = socket;
    }

    /** The ICE agent's output: the leg's socket, and its own bookkeeping. */
    public IceOutput iceOutput() {
        return new IceOutput() {
            @Override
            public void send(byte[] buf, int off, int len, InetSocketAddress to) {
                if (!senderFor(to).send(buf, off, len, to)) {
                    counters.discard(DiscardReason.SEND_FAILED);
                }
            }

            @Override
            public void onSelected(InetSocketAddress address) {
                InetSocketAddress previous = peer;
                peer = address;
                LOG.debug("{} leg {} selected by ICE", side.wire(), mediaIndex);
                selected(previous, address);
                if (dtls != null && role == DtlsRole.CLIENT) {
                    dtls.start();
                }
            }

            @Override
            public void onStateChanged(IceState from, IceState to) {
                status.iceChanged(to);
            }
        };
    }

    /** Called once, by the subclass's constructor, with the agent its kind of ICE needs. */
    final void setIce(IceConnectivity ice) {
        this.ice = ice;
    }

    /** What reaches {@code to}: the UDP socket, or a browser leg's ICE-TCP connection. Any thread. */
    PacketSender senderFor(InetSocketAddress to) {
        return socket;
    }

    /** ICE selected {@code current} (was {@code previous}, or null): route the peer's packets to this transport. */
    abstract void selected(InetSocketAddress previous, InetSocketAddress current);

    public void setSink(PacketSink sink) {
        this.sink = sink;
    }

    public LegSide side() {
        return side;
    }

    public int mediaIndex() {
        return mediaIndex;
    }

    public IceConnectivity ice() {
        return ice;
    }

    public UdpSocket socket() {
        return socket;
    }

    /** The media thread this leg lives on. */
    public org.vertogw.media.net.MediaLoop loop() {
        return settings.loop();
    }

    /** Sends media through {@code connected} (null: back to {@link #socket}). Media thread only. */
    void sendVia(PacketSender connected) {
        mediaSocket = connected == null ? socket : connected;
    }

    public InetSocketAddress peer() {
        return peer;
    }

    public LegCounters counters() {
        return counters;
    }

    /** True once DTLS produced keys: media can be sent. Readable from any thread. */
    public boolean isSecure() {
        return srtp != null;
    }

    public DtlsRole dtlsRole() {
        return role;
    }

    /** Where this leg's DTLS stands: NEW until its handshake starts (a server's starts with the peer's first record). */
    public org.vertogw.media.dtls.DtlsState dtlsState() {
        DtlsTransport d = dtls;
        return d == null ? org.vertogw.media.dtls.DtlsState.NEW : d.state();
    }

    /** The negotiated DTLS cipher suite, or null before the handshake. */
    public String dtlsCipherSuite() {
        return dtls == null ? null : dtls.cipherSuite();
    }

    /** The key of the peer's DTLS certificate (e.g. {@code RSA-2048}), or null before it is seen. */
    public String peerCertificate() {
        return dtls == null ? null : dtls.peerCertificate();
    }

    /** DTLS records from the peer held until the SDP arms DTLS ({@link EarlyRecords}); any thread. */
    public int earlyDtlsRecords() {
        return early.size();
    }

    public String srtpProfile() {
        SrtpSession s = srtp;
        return s == null ? null : s.profile().name();
    }

    /**
     * Arms DTLS once the peer's fingerprint and our role are known (media thread). A client sends its ClientHello
     * when (or as soon as) ICE has selected the peer address; a server takes a handshake thread only when the first
     * record arrives from that address, so a leg that never hears one holds nothing; records that came before this
     * ({@link EarlyRecords}) start it now.
     */
    public void startDtls(DtlsRole role, DtlsFingerprint remoteFingerprint) {
        this.role = role;
        this.dtls = new DtlsTransport(
                settings.certificate(),
                role,
                remoteFingerprint,
                profiles,
                (b, o, l) -> {
                    InetSocketAddress to = peer;
                    if (to == null || !senderFor(to).send(b, o, l, to)) {
                        throw new java.io.IOException("no ICE-selected peer to send DTLS to");
                    }
                },
                settings.handshakeExecutor(),
                settings.dtlsTimeoutMillis(),
                settings.dtlsResendMillis(),
                new DtlsListener() {
                    @Override
                    public void onConnected(SrtpKeyingMaterial keys) {
                        settings.loop().execute(() -> dtlsConnected(keys));
                    }

                    @Override
                    public void onFailed(DtlsFailure failure, String detail) {
                        settings.loop().execute(() -> status.fail(LegFailure.of(failure), detail));
                    }

                    @Override
                    public void onClosed() {
                        settings.loop().execute(status::peerClosed);
                    }
                });
        if (role == DtlsRole.CLIENT && peer != null) {
            dtls.start();
        }
        early.drainTo(role == DtlsRole.SERVER ? this::toDtls : null);
    }

    /** To armed DTLS: a server's first record starts it; a start refused (pool full) or a full queue drops it. */
    private void toDtls(byte[] buf, int off, int len) {
        if (role == DtlsRole.SERVER && !dtls.isStarted()) {
            dtls.start();
        }
        if (dtls.state() == org.vertogw.media.dtls.DtlsState.FAILED || !dtls.receive(buf, off, len)) {
            counters.discard(DiscardReason.DTLS_QUEUE_FULL);
        }
    }

    /** Entry point for a leg that owns its socket: classifies and dispatches one datagram. */
    public void onDatagram(PacketBuffer p, InetSocketAddress from) {
        PacketKind kind = PacketClassifier.classify(p.array(), 0, p.length());
        if (kind != PacketKind.STUN) {
            onPacket(kind, p, from);
            return;
        }
        StunMessage m = StunIntake.read(stun, p, counters);
        if (m != null) {
            onStun(m, from);
        }
    }

    /** Hands a STUN message to ICE; true when it was an authentic message ICE acted on. */
    public boolean onStun(StunMessage m, InetSocketAddress from) {
        if (status.isClosed() || ice == null) {
            counters.discard(DiscardReason.STUN_UNEXPECTED);
            return false;
        }
        IceDiscard d = ice.handle(m, from, System.nanoTime());
        if (d != IceDiscard.NONE) {
            counters.discard(DiscardReason.of(d));
            return false;
        }
        return true;
    }

    /** DTLS, RTP or RTCP (or garbage) from {@code from}. */
    public void onPacket(PacketKind kind, PacketBuffer p, InetSocketAddress from) {
        switch (kind) {
            case DTLS -> {
                if (!fromPeer(from)) {
                    counters.discard(DiscardReason.DTLS_UNVERIFIED_SOURCE);
                } else if (dtls == null) {
                    if (!early.hold(p.array(), 0, p.length())) {
                        counters.discard(DiscardReason.DTLS_NOT_STARTED);
                    }
                } else {
                    toDtls(p.array(), 0, p.length());
                }
            }
            case RTP, RTCP -> media(kind == PacketKind.RTCP, p, from);
            default -> counters.discard(DiscardReason.UNKNOWN_PACKET);
        }
    }

    /**
     * Whether {@code from} is the selected peer. On a connected socket it is the very address object ICE selected,
     * and the identity check spares the four objects {@code equals} walks through, cold in cache at every packet.
     */
    private boolean fromPeer(InetSocketAddress from) {
        InetSocketAddress p = peer;
        return from == p || from.equals(p);
    }

    private void media(boolean rtcp, PacketBuffer p, InetSocketAddress from) {
        if (!fromPeer(from)) {
            counters.discard(DiscardReason.UNKNOWN_SOURCE);
            return;
        }
        SrtpSession s = srtp;
        if (s == null || status.isClosed()) {
            counters.discard(DiscardReason.NO_SRTP_CONTEXT);
            return;
        }
        int length = p.length();
        SrtpStatus st = rtcp ? s.unprotectRtcp(p) : s.unprotectRtp(p);
        if (st != SrtpStatus.OK) {
            counters.discard(DiscardReason.of(st));
            return;
        }
        counters.received(length);
        sink.onPacket(this, rtcp, p);
    }

    /** Encrypts and sends a plain RTP or RTCP packet to the peer (media thread). False when dropped. */
    public boolean send(boolean rtcp, PacketBuffer p) {
        SrtpSession s = srtp;
        InetSocketAddress to = peer;
        if (s == null || to == null || status.isClosed()) {
            return false;
        }
        SrtpStatus st = rtcp ? s.protectRtcp(p) : s.protectRtp(p);
        if (st != SrtpStatus.OK) {
            counters.discard(DiscardReason.of(st));
            return false;
        }
        if (!mediaSocket.send(p.array(), 0, p.length(), to)) {
            counters.discard(DiscardReason.SEND_FAILED);
            return false;
        }
        counters.sent(p.length());
        return true;
    }

    public void tick(long nowNanos) {
        if (!status.isClosed() && ice != null) {
            ice.tick(nowNanos);
        }
    }

    private void dtlsConnected(SrtpKeyingMaterial keys) {
        if (status.isClosed()) {
            return;
        }
        srtp = new SrtpSession(keys);
        LOG.debug("{} leg {} secure with {}", side.wire(), mediaIndex, keys.profile());
        secured();
        status.secured();
    }

    /** DTLS produced keys (loop thread): what a subclass does once the handshake's records are all through. */
    void secured() {}

    /** Fails the leg (a subclass's transport broke, like consent loss). */
    void fail(LegFailure failure, String detail) {
        status.fail(failure, detail);
    }

    boolean isClosed() {
        return status.isClosed();
    }

    public boolean isFailed() {
        return status.isFailed();
    }

    /** Closed without failing (its media section was rejected by the answer). */
    public boolean isClosedWithoutFailure() {
        return status.isClosed() && !status.isFailed();
    }

    public boolean isConnected() {
        return status.isConnected();
    }

    /** Stops DTLS and ICE and lets go of the socket. Idempotent. */
    public void close() {
        if (!status.close()) {
            return;
        }
        release();
        srtp = null;
        if (dtls != null) {
            dtls.close();
        }
        if (ice != null) {
            ice.close();
        }
    }

    /** Gives back what the kind of transport holds: its own socket, or its routes on the shared port. */
    abstract void release();

    @Override
    public String toString() {
        return side.wire() + "[" + mediaIndex + "] peer " + peer + ", " + counters;
    }
}
