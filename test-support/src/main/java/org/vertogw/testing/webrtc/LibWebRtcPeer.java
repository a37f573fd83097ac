package org.vertogw.testing.webrtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libwebrtc (webrtc-java) as an independent browser: one peer connection with one audio track carrying a 440 Hz
 * tone of a chosen amplitude (so a receiver can tell whose tone it hears), a headless audio device that plays out
 * what arrives (inbound audioLevel is measured on playout), complete non-trickle SDP with bundlePolicy max-compat
 * (docs/protocol.md §6.1) and UDP IPv4 host candidates only.
 *
 * <p>How the tone reaches the sender. {@code adm.setAudioSource} registers the Java source as the device's only
 * AudioTransport, replacing libwebrtc's own: the device pulls the source, but the samples go to the Java side and
 * never to a sender, and received audio is no longer played out. Left alone, the headless device's capture thread
 * feeds every sender by itself, and a {@link CustomAudioSource} pushing at the same time trips libwebrtc's race
 * check in audio_send_stream.cc and aborts the JVM. So libwebrtc starts capture when its sender starts; once packets
 * leave, capture is stopped, and the tone is then pushed from one thread only. Playout keeps running.
 *
 * <p>Candidates. libwebrtc ignores the loopback adapter. First it gathers with adapter enumeration off: its sockets
 * bind the any-address and its candidates, rewritten to 127.0.0.1, reach the relay over loopback. That needs a default route, which libwebrtc uses to pick its host address; without one (the CI's private
 * network namespace) it gathers nothing, and the peer connection is replaced by one that enumerates adapters and
 * offers its real host address, the namespace's veth. The gateway is ICE-lite and answers checks where they
 * come from, so both reach it on 127.0.0.1.
 */
public final class LibWebRtcPeer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LibWebRtcPeer.class);
    private static final Duration NATIVE_CALL = Duration.ofSeconds(10);

    /** What it gathers: UDP host candidates, or TCP only (active candidates), as on a network that blocks UDP. */
    public enum Transport {
        UDP,
        TCP
    }

    private final String name;
    private final Transport transport;
    private final HeadlessAudioDeviceModule adm;
    private final PeerConnectionFactory factory;
    private final CustomAudioSource source;
    private final AudioTrack track;
    private final SyntheticCamera camera;
    private volatile RTCPeerConnection pc;
    private volatile Watch watch;
    private final short toneAmplitude;
    private final SineTone tone;
    private final AtomicLong tonePushes = new AtomicLong();
    private ScheduledExecutorService toneClock;
    private boolean disposed;

    /** @param toneAmplitude peak of the 16-bit tone samples; the receiver's audioLevel is about amplitude / 32767 */
    public LibWebRtcPeer(String name, short toneAmplitude) {
        this(name, toneAmplitude, Transport.UDP, false);
    }

    /** With {@code video}, a {@link SyntheticCamera} track after the audio one (VP8, as libwebrtc offers first). */
    public LibWebRtcPeer(String name, short toneAmplitude, Transport transport, boolean video) {
        this.name = name;
        this.transport = transport;
        this.toneAmplitude = toneAmplitude;
        this.tone = new SineTone(440, toneAmplitude);
        adm = new HeadlessAudioDeviceModule();
        factory = new PeerConnectionFactory(adm);
        adm.initPlayout();
        adm.startPlayout();
        source = new CustomAudioSource();
        track = factory.createAudioTrack("audio0", source);
        camera = video ? new SyntheticCamera(factory) : null;
        try {
            open(true);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A new peer connection carrying the track; {@code anyAddress}: adapter enumeration off (see the class doc). */
    private void open(boolean anyAddress) {
        RTCConfiguration cfg = new RTCConfiguration();
        cfg.bundlePolicy = RTCBundlePolicy.MAX_COMPAT;
        cfg.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        cfg.portAllocatorConfig = new PortAllocatorConfig()
                .setDisableAdapterEnumeration(anyAddress)
                .setDisableTcp(transport == Transport.UDP)
                .setDisableUdp(transport == Transport.TCP);
        watch = new Watch();
        pc = factory.createPeerConnection(cfg, watch);
        pc.addTrack(track, List.of("stream0"));
        if (camera != null) {
            pc.addTrack(camera.track(), List.of("stream0"));
        }
    }

    /** Closes the peer connection and waits for CLOSED. */
    private void closePeerConnection() {
        RTCPeerConnection closing = pc;
        pc = null;
        quietly("close", closing::close);
        try {
            watch.closed.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("{}: peer connection not CLOSED after close(): {}", name, watch.state.get());
        }
    }

    public String name() {
        return name;
    }

    /** The complete offer: local description set, gathering finished, UDP IPv4 candidates only (TCP: as gathered). */
    public String offer() throws Exception {
        return complete(null);
    }

    /** Applies a remote offer and returns the complete answer, UDP IPv4 candidates only (TCP: as gathered). */
    public String answer(String remoteOffer) throws Exception {
        return complete(remoteOffer);
    }

    private String complete(String remoteOffer) throws Exception {
        String sdp = describe(remoteOffer);
        if (transport == Transport.TCP) {
            // an ICE-lite gateway never checks toward us: the TCP candidates are only information
            if (!HostCandidates.hasTcp(sdp)) {
                enumerateAdapters();
                sdp = describe(remoteOffer);
            }
        } else if (HostCandidates.hasIpv4Udp(sdp)) {
            sdp = HostCandidates.onLoopback(sdp);
        } else {
            enumerateAdapters();
            sdp = HostCandidates.ipv4Udp(describe(remoteOffer));
        }
        LOG.info("{}: {} with {}", name, remoteOffer == null ? "offer" : "answer", HostCandidates.lines(sdp));
        return sdp;
    }

    private void enumerateAdapters() {
        LOG.info("{}: no host address with adapter enumeration off (no default route?); gathering on adapters", name);
        closePeerConnection();
        open(false);
    }

    /** Offer (no remote offer) or answer, set as local description once gathering is complete. */
    private String describe(String remoteOffer) throws Exception {
        CompletableFuture<RTCSessionDescription> local = new CompletableFuture<>();
        if (remoteOffer == null) {
            pc.createOffer(new RTCOfferOptions(), new Created(local));
        } else {
            setDescription(new RTCSessionDescription(RTCSdpType.OFFER, remoteOffer), false);
            pc.createAnswer(new RTCAnswerOptions(), new Created(local));
        }
        setDescription(get(local, remoteOffer == null ? "createOffer" : "createAnswer"), true);
        get(watch.gathered, "ICE gathering");
        return pc.getLocalDescription().sdp;
    }

    public void applyAnswer(String remoteAnswer) throws Exception {
        setDescription(new RTCSessionDescription(RTCSdpType.ANSWER, remoteAnswer), false);
    }

    /** Waits for ICE and DTLS: the peer connection state CONNECTED; then a video peer's camera starts. */
    public void awaitConnected(Duration within) throws Exception {
        try {
            watch.connected.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new AssertionError(name + ": not connected within " + within + ", state " + state(), e);
        }
        SyntheticCamera.start(camera);
    }

    /** Once the sender runs on the device's capture (started with it), stops that and pushes 10 ms of tone every 10 ms. */
    public void startTone(Duration within) throws Exception {
        AudioStats started = awaitStats(s -> s.packetsSent() > 0, within, "its sender to start");
        adm.stopRecording();
        LOG.info(
                "{}: sender started ({} packets from device capture), device capture stopped, tone on",
                name,
                started.packetsSent());
        toneClock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tone-" + name);
            t.setDaemon(true);
            return t;
        });
        toneClock.scheduleAtFixedRate(this::pushTone, 0, 10, TimeUnit.MILLISECONDS);
    }

    private void pushTone() {
        try {
            source.pushAudio(
                    tone.next10ms(), SineTone.BITS_PER_SAMPLE, SineTone.SAMPLE_RATE, 1, SineTone.FRAMES_PER_10_MS);
            tonePushes.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.warn("{}: tone push failed", name, e);
        }
    }

    /** The audioLevel a receiver should measure for this peer's tone (linear, 1.0 is full scale). */
    public double toneLevel() {
        return toneAmplitude / 32767.0;
    }

    public long tonePushes() {
        return tonePushes.get();
    }

    /** Waits until more than {@code packets} audio packets arrived and the decoded audio is not silent. */
    public AudioStats awaitAudio(long packets, Duration within) throws Exception {
        return awaitStats(
                s -> s.packetsReceived() > packets && s.audioLevel() > 0,
                within,
                "more than " + packets + " audio packets with audioLevel > 0");
    }

    private AudioStats awaitStats(Predicate<AudioStats> done, Duration within, String what) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        AudioStats last = stats();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + ": no " + what + " within " + within + "; last " + last + ", state "
                        + state() + ", tone pushes " + tonePushes.get());
            }
            Thread.sleep(50);
            last = stats();
        }
        return last;
    }

    /** Video frames this peer decoded (inbound-rtp framesDecoded). */
    public long framesDecoded() throws Exception {
        return SyntheticCamera.framesDecoded(report());
    }

    public AudioStats stats() throws Exception {
        return AudioStats.of(report());
    }

    private RTCStatsReport report() throws Exception {
        CompletableFuture<RTCStatsReport> report = new CompletableFuture<>();
        pc.getStats(report::complete);
        return get(report, "getStats");
    }

    public RTCPeerConnectionState state() {
        return watch.state.get();
    }

    private void setDescription(RTCSessionDescription d, boolean local) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SetSessionDescriptionObserver obs = new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                done.complete(null);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalStateException(error));
            }
        };
        if (local) {
            pc.setLocalDescription(d, obs);
        } else {
            pc.setRemoteDescription(d, obs);
        }
        get(done, (local ? "setLocalDescription " : "setRemoteDescription ") + d.sdpType);
    }

    private <T> T get(CompletableFuture<T> f, String what) throws Exception {
        try {
            return f.get(NATIVE_CALL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(name + ": " + what + " did not finish within " + NATIVE_CALL, e);
        } catch (ExecutionException e) {
            throw new AssertionError(
                    name + ": " + what + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Tone first (no push may run while the sender goes away), then the device, the peer connection (waiting for
     * CLOSED), the source, the factory and the device module, in the order webrtc-java's own tests use.
     */
    @Override
    public void close() {
        if (disposed) {
            return;
        }
        disposed = true;
        if (toneClock != null) {
            toneClock.shutdown();
            try {
                if (!toneClock.awaitTermination(2, TimeUnit.SECONDS)) {
                    LOG.warn("{}: tone thread still running at close", name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        quietly("camera stop", () -> SyntheticCamera.stop(camera));
        quietly("stopPlayout", adm::stopPlayout);
        quietly("stopRecording", adm::stopRecording);
        if (pc != null) {
            closePeerConnection();
        }
        quietly("camera dispose", () -> SyntheticCamera.dispose(camera));
        quietly("source dispose", source::dispose);
        quietly("factory dispose", factory::dispose);
        quietly("device dispose", adm::dispose);
    }

    /** A native teardown error must not hide the test's own outcome. */
    private void quietly(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: {} failed: {}", name, what, e.toString());
        }
    }

    /** One peer connection's events: gathering done, connected, closed. */
    private static final class Watch implements PeerConnectionObserver {
        final CompletableFuture<Void> gathered = new CompletableFuture<>();
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        final AtomicReference<RTCPeerConnectionState> state = new AtomicReference<>(RTCPeerConnectionState.NEW);

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            // non-trickle: candidates travel in the complete SDP
        }

        @Override
        public void onIceGatheringChange(RTCIceGatheringState s) {
            if (s == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
            }
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState s) {
            state.set(s);
            if (s == RTCPeerConnectionState.CONNECTED) {
                connected.complete(null);
            } else if (s == RTCPeerConnectionState.FAILED) {
                connected.completeExceptionally(new IllegalStateException("peer connection FAILED"));
            } else if (s == RTCPeerConnectionState.CLOSED) {
                connected.completeExceptionally(new IllegalStateException("peer connection CLOSED"));
                closed.complete(null);
            }
        }
    }

    private record Created(CompletableFuture<RTCSessionDescription> result)
            implements CreateSessionDescriptionObserver {
        @Override
        public void onSuccess(RTCSessionDescription d) {
            result.complete(d);
        }

        @Override
        public void onFailure(String error) {
            result.completeExceptionally(new IllegalStateException(error));
        }
    }
}
