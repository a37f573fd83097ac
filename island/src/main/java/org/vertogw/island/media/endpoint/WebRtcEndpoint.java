package org.vertogw.island.media.endpoint;

import static org.vertogw.media.transport.LegNegotiation.credentials;
import static org.vertogw.media.transport.LegNegotiation.fingerprint;
import static org.vertogw.media.transport.LegNegotiation.setupOr;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vertogw.media.MediaCall;
import org.vertogw.media.MediaContext;
import org.vertogw.media.dtls.DtlsSetup;
import org.vertogw.media.net.LoopCalls;
import org.vertogw.media.rtp.PacketBuffer;
import org.vertogw.media.rtp.RtcpHeader;
import org.vertogw.media.rtp.RtpHeader;
import org.vertogw.media.sdp.LocalTransport;
import org.vertogw.media.sdp.MediaDescription;
import org.vertogw.media.sdp.RemoteTransport;
import org.vertogw.media.sdp.SdpException;
import org.vertogw.media.sdp.SessionDescription;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.media.transport.IslandCandidate;
import org.vertogw.media.transport.IslandTransport;
import org.vertogw.media.transport.LegCounters;
import org.vertogw.media.transport.LegEvent;
import org.vertogw.media.transport.LegEventListeners;
import org.vertogw.media.transport.LegNegotiation;
import org.vertogw.media.transport.LegSettings;
import org.vertogw.media.transport.MediaTransport;

/**
 * Terminates WebRTC media the way FreeSWITCH does toward its peer (here: the gateway's island leg): full ICE with
 * one remote candidate and checks every second in either role, DTLS in the role a=setup gives, SRTP
 * AES_CM_128_HMAC_SHA1_80, and its own SSRC on what it sends. Packets arrive at an {@link RtpSink} on the media
 * thread; {@link #sendRtp} may be called from any thread (from the media thread it sends at once).
 * <p>
 * Video: at most one video section ({@link #videoIndex()}) with one codec ({@link #videoPayloadType()}), no RTX.
 * Whoever forwards video into an endpoint forwards key-frame requests the other way: a PLI or FIR the endpoint
 * receives (RFC 4585 §6.3.1, RFC 5104 §4.3.1) reaches its sink as RTCP, and {@link #requestKeyFrame} sends a PLI to
 * the sender of the video the endpoint receives.
 */
public final class WebRtcEndpoint implements MediaCall {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String callId;
    private final MediaContext ctx;
    private final List<IslandTransport> legs = new ArrayList<>();
    private final EndpointCounters counters = new EndpointCounters();
    private final LegEventListeners listeners = new LegEventListeners();
    private final PacketBuffer out = new PacketBuffer();
    private final EndpointVideo video = new EndpointVideo();
    private final Runnable ticker = this::tick;
    private final String cname = "vgw" + Long.toHexString(RANDOM.nextLong() & 0xFFFFFFFFFFFFL);
    private int[] ssrcs = new int[0];
    private RtpRestamper[] restampers = new RtpRestamper[0];
    private List<SrtpProfile> profiles = LegSettings.ISLAND_PROFILES;
    private boolean answerPassive;
    private volatile RtpSink sink = (i, rtcp, b, o, l) -> {};
    private boolean offerPending;
    private boolean negotiated;
    private volatile boolean closed;

    /** An endpoint for {@code callId} on the engine's least busy media thread. */
    public static WebRtcEndpoint open(org.vertogw.media.MediaEngine engine, String callId) {
        return engine.open(ctx -> new WebRtcEndpoint(callId, ctx));
    }

    public WebRtcEndpoint(String callId, MediaContext ctx) {
        this.callId = callId;
        this.ctx = ctx;
        ctx.lifecycle().opened(this);
        ctx.settings().loop().addTicker(ticker);
    }

    public String callId() {
        return callId;
    }

    /**
     * Answers a remote offer as FreeSWITCH does: same sections and codecs, setup active (we are DTLS client). On a
     * negotiated endpoint it answers a re-offer (RFC 3264 §8): kept sections keep their legs, disabled ones close,
     * added ones get new legs; m-lines are never removed.
     */
    public String answer(String remoteOfferSdp) throws SdpException {
        SessionDescription offer = SessionDescription.parse(remoteOfferSdp);
        return LoopCalls.call(ctx.settings().loop(), () -> {
            if (!negotiated || offerPending || closed) {
                begin();
            } else if (offer.media().size() < legs.size()) {
                throw new SdpException("a re-offer cannot remove m-lines (RFC 3264 §8.1)");
            }
            List<LocalTransport> transports = new ArrayList<>();
            ssrcs = java.util.Arrays.copyOf(ssrcs, offer.media().size());
            for (int i = 0; i < offer.media().size(); i++) {
                MediaDescription m = offer.media().get(i);
                boolean rtp = !m.isRejected() && m.proto().contains("RTP");
                IslandTransport kept = i < legs.size() ? legs.get(i) : null;
                if (kept != null && !rtp) {
                    kept.close();
                    legs.set(i, null);
                    video.rejected(i);
                }
                if (i < legs.size()) {
                    transports.add(rtp && kept != null ? local(kept, DtlsSetup.of(kept.dtlsRole())) : null);
                    continue;
                }
                if (!rtp) {
                    legs.add(null);
                    counters.add(null);
                    transports.add(null);
                    continue;
                }
                RemoteTransport remote = RemoteTransport.of(offer, i);
                DtlsSetup ours = setupOr(remote.setup(), DtlsSetup.ACTPASS).answer(answerPassive);
                // RFC 8445 §6.1.1: facing a lite peer, the full agent controls (FreeSWITCH ignores a=ice-lite)
                IslandTransport leg = newLeg(i, remote.iceLite());
                leg.setRemote(credentials(remote), IslandCandidate.pick(offer, i, remote));
                leg.startDtls(ours.localRole(), fingerprint(remote, i));
                ssrcs[i] = RANDOM.nextInt();
                transports.add(local(leg, ours));
            }
            negotiated = true;
            SessionDescription answer = EndpointSdp.answer(offer, transports, ssrcs, cname);
            video.negotiated(answer);
            return answer.toString();
        });
    }

    /** FreeSWITCH's own offer: audio, setup actpass, ICE credentials and one host candidate, a=ssrc. */
    public String offer() {
        return offer(false);
    }

    /** As {@link #offer()}, with a VP8 video section (payload type 96) after the audio one when {@code withVideo}. */
    public String offer(boolean withVideo) {
        return offer(withVideo ? 96 : -1);
    }

    /** As {@link #offer()}, plus VP8 video under payload type {@code vp8PayloadType} (a bridged partner's) if >= 0. */
    public String offer(int vp8PayloadType) {
        try {
            return LoopCalls.call(ctx.settings().loop(), () -> {
                begin();
                int sections = vp8PayloadType >= 0 ? 2 : 1;
                List<LocalTransport> transports = new ArrayList<>();
                ssrcs = new int[sections];
                for (int i = 0; i < sections; i++) {
                    transports.add(local(newLeg(i, true), DtlsSetup.ACTPASS));
                    ssrcs[i] = RANDOM.nextInt();
                }
                offerPending = true;
                SessionDescription sdp = EndpointSdp.offer(
                        ctx.settings().publicAddress(),
                        RANDOM.nextLong() & Long.MAX_VALUE,
                        ssrcs,
                        cname,
                        transports,
                        vp8PayloadType);
                video.negotiated(sdp);
                return sdp.toString();
            });
        } catch (SdpException e) {
            throw new IllegalStateException("the endpoint's own offer did not parse", e);
        }
    }

    /** Applies the answer to {@link #offer()}: per section, candidate, credentials, fingerprint and DTLS role. */
    public void applyAnswer(String remoteAnswerSdp) throws SdpException {
        SessionDescription answer = SessionDescription.parse(remoteAnswerSdp);
        LoopCalls.call(ctx.settings().loop(), () -> {
            if (!offerPending) {
                throw new SdpException("endpoint " + callId + " has no pending offer");
            }
            if (answer.media().size() != legs.size()) {
                throw new SdpException(
                        "answer has " + answer.media().size() + " m-lines, the offer had " + legs.size());
            }
            if (answer.media().get(0).isRejected()) {
                throw new SdpException("endpoint " + callId + ": the answer rejects the audio section");
            }
            for (int i = 0; i < legs.size(); i++) {
                IslandTransport leg = legs.get(i);
                if (answer.media().get(i).isRejected()) {
                    video.rejected(i);
                    leg.close();
                    leg.socket().close();
                    legs.set(i, null);
                    continue;
                }
                RemoteTransport remote = RemoteTransport.of(answer, i);
                leg.setRemote(credentials(remote), IslandCandidate.pick(answer, i, remote));
                leg.startDtls(DtlsSetup.offererRole(setupOr(remote.setup(), DtlsSetup.ACTIVE)), fingerprint(remote, i));
            }
            offerPending = false;
            negotiated = true;
            return null;
        });
    }

    /** The media section that carries video, or -1. */
    public int videoIndex() {
        return video.index();
    }

    /** The payload type of the video codec negotiated (VP8 when offered), or -1 without video. */
    public int videoPayloadType() {
        return video.payloadType();
    }

    /** A PLI (RFC 4585 §6.3.1) to the sender of section {@code mediaIndex}, once it sent RTP. Any thread. */
    public void requestKeyFrame(int mediaIndex) {
        if (!ctx.settings().loop().inLoop()) {
            ctx.settings().loop().execute(() -> requestKeyFrame(mediaIndex));
            return;
        }
        byte[] pli = video.pli(mediaIndex);
        if (pli != null) {
            sendOnLoop(mediaIndex, true, pli, 0, pli.length);
        }
    }

    private void begin() throws SdpException {
        if (closed) {
            throw new SdpException("endpoint " + callId + " is closed");
        }
        if (negotiated || offerPending) {
            throw new SdpException("endpoint " + callId + " already negotiated");
        }
    }

    private IslandTransport newLeg(int index, boolean controlling) {
        IslandTransport leg;
        try {
            leg = IslandTransport.open(index, ctx, profiles, controlling, true, listeners::publish);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open an endpoint port: " + e.getMessage(), e);
        }
        leg.setSink((l, rtcp, p) -> {
            if (!rtcp) {
                video.received(l.mediaIndex(), RtpHeader.ssrc(p.array(), 0));
            }
            sink.onPacket(l.mediaIndex(), rtcp, p.array(), 0, p.length());
        });
        legs.add(leg);
        counters.add(leg.counters());
        return leg;
    }

    private LocalTransport local(MediaTransport leg, DtlsSetup setup) {
        return LegNegotiation.local(ctx.settings(), leg, setup);
    }

    /** Answers actpass with passive (RFC 5763 §5 allows it), so a test can make the gateway a DTLS client. */
    public void answerAsDtlsServer(boolean passive) {
        this.answerPassive = passive;
    }

    /** SRTP profiles in preference order: FreeSWITCH offers AES_CM_128_HMAC_SHA1_80 only; browsers prefer GCM. */
    public void setSrtpProfiles(List<SrtpProfile> preferred) {
        if (preferred.isEmpty()) {
            throw new IllegalArgumentException("at least one SRTP profile");
        }
        this.profiles = List.copyOf(preferred);
    }

    /** Decrypted RTP and RTCP, delivered on the media thread. */
    public void onRtp(RtpSink sink) {
        this.sink = sink;
    }

    /** Sends a plain RTP packet on the first media section (see {@link #sendRtp(int, byte[], int, int)}). */
    public void sendRtp(byte[] buf, int off, int len) {
        sendRtp(0, buf, off, len);
    }

    /** Stamps our SSRC on a plain RTP packet, protects it and sends it on media section {@code mediaIndex}. */
    public void sendRtp(int mediaIndex, byte[] buf, int off, int len) {
        send(mediaIndex, false, buf, off, len);
    }

    /** Stamps our SSRC as sender of a plain RTCP packet, protects it (SRTCP) and sends it, rtcp-mux. */
    public void sendRtcp(int mediaIndex, byte[] buf, int off, int len) {
        send(mediaIndex, true, buf, off, len);
    }

    private void send(int mediaIndex, boolean rtcp, byte[] buf, int off, int len) {
        if (ctx.settings().loop().inLoop()) {
            sendOnLoop(mediaIndex, rtcp, buf, off, len);
        } else {
            byte[] copy = java.util.Arrays.copyOfRange(buf, off, off + len);
            ctx.settings().loop().execute(() -> sendOnLoop(mediaIndex, rtcp, copy, 0, copy.length));
        }
    }

    private void sendOnLoop(int mediaIndex, boolean rtcp, byte[] buf, int off, int len) {
        IslandTransport leg = mediaIndex < legs.size() ? legs.get(mediaIndex) : null;
        int min = rtcp ? RtcpHeader.LENGTH : RtpHeader.FIXED_LENGTH;
        if (leg == null || closed || len < min || len > PacketBuffer.MAX_DATAGRAM) {
            return;
        }
        out.set(buf, off, len);
        if (rtcp) {
            RtcpHeader.setSenderSsrc(out.array(), 0, ssrcs[mediaIndex]);
        } else {
            if (restampers.length <= mediaIndex) {
                restampers = java.util.Arrays.copyOf(restampers, ssrcs.length);
            }
            if (restampers[mediaIndex] == null) {
                restampers[mediaIndex] = new RtpRestamper();
            }
            restampers[mediaIndex].apply(out.array(), 0);
            RtpHeader.setSsrc(out.array(), 0, ssrcs[mediaIndex]);
        }
        leg.send(rtcp, out);
    }

    /** Extension 9196 (FreeSWITCH's echo): RTP goes back on the same section, see {@link MediaForwarding}. */
    public static void echo(WebRtcEndpoint e) {
        e.onRtp(MediaForwarding.to(e));
    }

    /** A call between two users: each side's media goes to the other as {@link MediaForwarding} says. */
    public static void bridge(WebRtcEndpoint a, WebRtcEndpoint b) {
        a.onRtp(MediaForwarding.to(b));
        b.onRtp(MediaForwarding.to(a));
    }

    /** The SRTP profile DTLS negotiated on a media section, or null before. */
    public String srtpProfile(int mediaIndex) {
        return mediaIndex < legs.size() && legs.get(mediaIndex) != null
                ? legs.get(mediaIndex).srtpProfile()
                : null;
    }

    public EndpointCounters counters() {
        return counters;
    }

    @Override
    public List<LegCounters> legCounters() {
        return counters.all();
    }

    /** True once every negotiated media section has ICE and DTLS up. */
    public boolean isConnected() {
        boolean any = false;
        for (IslandTransport l : legs) {
            if (l != null) {
                any = true;
                if (!l.isConnected()) {
                    return false;
                }
            }
        }
        return any;
    }

    public void onEvent(Consumer<LegEvent> listener) {
        listeners.add(listener);
    }

    private void tick() {
        long now = System.nanoTime();
        for (IslandTransport l : legs) {
            if (l != null) {
                l.tick(now);
            }
        }
    }

    /** Releases the ports; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        LoopCalls.run(ctx.settings().loop(), () -> {
            if (closed) {
                return;
            }
            closed = true;
            for (IslandTransport l : legs) {
                if (l != null) {
                    l.close();
                }
            }
            ctx.settings().loop().removeTicker(ticker);
            ctx.lifecycle().closed(this, counters.all());
        });
    }

    @Override
    public String toString() {
        return "WebRtcEndpoint[" + callId + "]";
    }
}
