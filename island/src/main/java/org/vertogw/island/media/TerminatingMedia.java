package org.vertogw.island.media;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vertogw.island.media.conference.RoomMixer;
import org.vertogw.island.media.endpoint.EndpointSdp;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.dtls.DtlsKeyType;
import org.vertogw.media.dtls.DtlsRole;
import org.vertogw.media.dtls.DtlsWarmUp;
import org.vertogw.media.sdp.SdpException;
import org.vertogw.media.sdp.SessionDescription;

/**
 * The island terminates media as FreeSWITCH does: every leg is a WebRTC endpoint of its own (full ICE, DTLS-SRTP
 * with AES_CM_128_HMAC_SHA1_80, its own SSRC); echo sends every packet back on the same leg, a call between two
 * users is bridged through the island. Its DTLS certificate is RSA-2048 by default, as the {@code dtls-srtp.pem}
 * FreeSWITCH makes for itself, so that the gateway's island legs meet what production presents.
 */
public final class TerminatingMedia implements IslandMedia {

    /** The payload type of Opus in an SDP (RFC 7587 §7): our own offers use 111. */
    private static final Pattern OPUS = Pattern.compile("a=rtpmap:(\\d{1,3}) opus/48000", Pattern.CASE_INSENSITIVE);

    private final MediaEngine engine;
    private ScheduledExecutorService mixer;

    /** FreeSWITCH's DTLS key when it makes its own certificate. */
    public static final DtlsKeyType DEFAULT_DTLS_KEY = DtlsKeyType.RSA_2048;

    public TerminatingMedia(MediaEngine engine) {
        this.engine = engine;
    }

    /**
     * The peers an island's legs meet in DTLS: a gateway's (or a browser's) ECDSA P-256 key, the island as client when
     * it answers an offer and as server when its own offer was answered {@code active}.
     */
    private static final List<DtlsWarmUp.Peer> WARM_UP_PEERS = List.of(
            new DtlsWarmUp.Peer(DtlsKeyType.ECDSA_P256, DtlsRole.CLIENT),
            new DtlsWarmUp.Peer(DtlsKeyType.ECDSA_P256, DtlsRole.SERVER));

    /**
     * Warms the engine's DTLS up in the background ({@link DtlsWarmUp}), so that calls moved to a spare that never
     * carried one do not wait for cold handshakes, as they would not on FreeSWITCH.
     */
    public static CompletableFuture<Integer> warmUp(MediaEngine engine) {
        return DtlsWarmUp.start(engine.config().dtlsKey(), WARM_UP_PEERS, DtlsWarmUp.DEFAULT_HANDSHAKES);
    }

    /** An island's media engine configuration: {@link #DEFAULT_DTLS_KEY}, the rest as {@link MediaConfig}. */
    public static MediaConfig.Builder config() {
        return MediaConfig.builder().dtlsKey(DEFAULT_DTLS_KEY);
    }

    @Override
    public LegMedia newLeg(String callId, LegMedia partner) {
        return new Leg(engine.open(ctx -> new WebRtcEndpoint(callId, ctx)), (Leg) partner);
    }

    @Override
    public void echo(LegMedia leg) {
        WebRtcEndpoint.echo(((Leg) leg).endpoint);
    }

    @Override
    public void bridge(LegMedia a, LegMedia b) {
        WebRtcEndpoint.bridge(((Leg) a).endpoint, ((Leg) b).endpoint);
    }

    @Override
    public void isolate(LegMedia leg) {
        ((Leg) leg).endpoint.onRtp((i, rtcp, b, o, l) -> {});
    }

    /** Rooms share one mixing thread; each room ticks on it every 20 ms (docs/protocol.md §5.5, "Embedded island"). */
    @Override
    public synchronized RoomMedia room(String name, RoomMedia.Listener listener) {
        if (mixer == null) {
            mixer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "conference-mixer");
                t.setDaemon(true);
                t.setPriority(Thread.MAX_PRIORITY);
                return t;
            });
        }
        return new MixedRoom(new RoomMixer(name, mixer, listener));
    }

    public MediaEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (mixer != null) {
                mixer.shutdownNow();
            }
        }
        engine.close();
    }

    private record MixedRoom(RoomMixer mixer) implements RoomMedia {
        @Override
        public Member join(LegMedia leg, int memberId) throws MediaException {
            Leg l = (Leg) leg;
            if (l.opusPt < 0) {
                throw new MediaException("CODEC ERROR: a conference leg needs Opus");
            }
            return mixer.add(l.endpoint, memberId, l.opusPt);
        }

        @Override
        public void leave(Member member) {
            mixer.leave(member);
        }

        @Override
        public void lockFloor(Member member) {
            mixer.lockFloor(member);
        }

        @Override
        public void close() {
            mixer.close();
        }
    }

    private static final class Leg implements LegMedia {
        private final WebRtcEndpoint endpoint;
        private final Leg partner;
        private String offer;
        /** Opus's payload type on this leg, -1 when the browser did not offer it. */
        private int opusPt = -1;

        Leg(WebRtcEndpoint endpoint, Leg partner) {
            this.endpoint = endpoint;
            this.partner = partner;
        }

        /** The VP8 payload type this leg's browser uses (negotiated, or what its offer will get), or -1. */
        int videoPayloadType() {
            if (endpoint.videoPayloadType() >= 0 || offer == null) {
                return endpoint.videoPayloadType();
            }
            try {
                return EndpointSdp.answerVideoPayloadType(SessionDescription.parse(offer));
            } catch (SdpException e) {
                return -1;
            }
        }

        @Override
        public void remoteOffer(String sdp) throws MediaException {
            if (sdp == null || sdp.isEmpty()) {
                throw new MediaException("SDP missing");
            }
            try {
                SessionDescription.parse(sdp);
            } catch (SdpException e) {
                throw new MediaException("CODEC ERROR", e);
            }
            offer = sdp;
            Matcher m = OPUS.matcher(sdp);
            opusPt = m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        @Override
        public String answer() throws MediaException {
            try {
                return endpoint.answer(offer);
            } catch (SdpException e) {
                throw new MediaException("MEDIA ERROR", e);
            }
        }

        @Override
        public String offer() {
            opusPt = 111;
            // a bridged partner with video gets video toward this leg too, under the payload type it sends
            return endpoint.offer(partner == null ? -1 : partner.videoPayloadType());
        }

        @Override
        public void applyAnswer(String remoteAnswer) throws MediaException {
            try {
                endpoint.applyAnswer(remoteAnswer);
            } catch (SdpException e) {
                throw new MediaException("MEDIA ERROR", e);
            }
        }

        @Override
        public String update(String reoffer) throws MediaException {
            remoteOffer(reoffer);
            try {
                return endpoint.answer(reoffer);
            } catch (SdpException e) {
                throw new MediaException("MEDIA ERROR", e);
            }
        }

        @Override
        public void requestKeyFrame() {
            int video = endpoint.videoIndex();
            if (video >= 0) {
                endpoint.requestKeyFrame(video);
            }
        }

        @Override
        public void close() {
            endpoint.close();
        }
    }
}
