package org.vertogw.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
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
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsType;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vertogw.media.MediaEngine;
import org.slf4j.LoggerFactory;
import org.vertogw.media.endpoint.WebRtcEndpoint;

/**
 * libwebrtc (webrtc-java) as an independent browser: it offers audio to the gateway relay (ICE-lite, DTLS,
 * SRTP with GCM), the island endpoint answers, and audio the island sends must reach libwebrtc, which counts only
 * packets that decrypted and authenticated. Recipe from environment.md §3: HeadlessAudioDeviceModule fed through
 * adm.setAudioSource, adapter enumeration off, candidates rewritten to 127.0.0.1. (Here the headless device is
 * pulled but libwebrtc's audio sender reports no samples, so the browser-to-island direction is proven by the Java
 * peers in MediaRelayLoopbackTest; the island echoes whatever libwebrtc does send.)
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class LibWebRtcPeerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MediaEngine gateway = MediaRelayLoopbackTest.engine();
    private final MediaEngine island = MediaRelayLoopbackTest.engine();

    @AfterEach
    void tearDown() {
        gateway.close();
        island.close();
    }

    @Test
    void libWebRtcHearsItsOwnAudioBackThroughTheRelayAndTheIslandEcho() throws Exception {
        HeadlessAudioDeviceModule adm = new HeadlessAudioDeviceModule();
        PeerConnectionFactory factory = new PeerConnectionFactory(adm);
        AudioTrack track = factory.createAudioTrack("audio0", factory.createAudioSource(new AudioOptions()));
        long[] phase = {0};
        AtomicLong pulls = new AtomicLong();
        adm.setAudioSource((buf, samples, bytesPerSample, channels, rate) -> {
            pulls.incrementAndGet();
            for (int i = 0; i < samples * channels; i++) {
                short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * (phase[0]++ / channels) / rate));
                buf[2 * i] = (byte) v;
                buf[2 * i + 1] = (byte) (v >> 8);
            }
            return samples;
        });

        CompletableFuture<Void> gathered = new CompletableFuture<>();
        AtomicReference<RTCPeerConnectionState> pcState = new AtomicReference<>(RTCPeerConnectionState.NEW);
        RTCConfiguration cfg = new RTCConfiguration();
        cfg.bundlePolicy = RTCBundlePolicy.MAX_COMPAT;
        cfg.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        cfg.portAllocatorConfig = new PortAllocatorConfig().setDisableAdapterEnumeration(true).setDisableTcp(true);
        RTCPeerConnection pc = factory.createPeerConnection(cfg, new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
            }

            @Override
            public void onIceGatheringChange(RTCIceGatheringState state) {
                if (state == RTCIceGatheringState.COMPLETE) {
                    gathered.complete(null);
                }
            }

            @Override
            public void onConnectionChange(RTCPeerConnectionState state) {
                pcState.set(state);
            }
        });
        MediaRelay relay = gateway.newRelay("libwebrtc");
        try {
            pc.addTrack(track, List.of("stream0"));
            CompletableFuture<RTCSessionDescription> offer = new CompletableFuture<>();
            pc.createOffer(new RTCOfferOptions(), new CreateSessionDescriptionObserver() {
                @Override
                public void onSuccess(RTCSessionDescription d) {
                    offer.complete(d);
                }

                @Override
                public void onFailure(String error) {
                    offer.completeExceptionally(new IllegalStateException(error));
                }
            });
            set(pc, offer.get(10, TimeUnit.SECONDS), true);
            gathered.get(10, TimeUnit.SECONDS);
            String browserOffer = loopbackCandidates(pc.getLocalDescription().sdp);

            WebRtcEndpoint echo = island.newEndpoint("island");
            WebRtcEndpoint.echo(echo);
            AtomicLong islandHeard = new AtomicLong();
            echo.onRtp((i, rtcp, b, o, l) -> {
                if (!rtcp) {
                    islandHeard.incrementAndGet();
                    echo.sendRtp(i, b, o, l);
                }
            });
            String browserAnswer = relay.browserAnswerFromIslandAnswer(
                    echo.answer(relay.islandOfferFromBrowserOffer(browserOffer)));
            set(pc, new RTCSessionDescription(RTCSdpType.ANSWER, browserAnswer), false);

            Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED,
                    () -> relay + " pc " + pcState.get());
            Await.until("libwebrtc connected", WAIT, () -> pcState.get() == RTCPeerConnectionState.CONNECTED,
                    () -> "pc " + pcState.get());
            // the recipe starts the headless device once the call is up, as a browser starts capture on connect
            adm.initRecording();
            adm.startRecording();
            adm.initPlayout();
            adm.startPlayout();
            AtomicLong inbound = new AtomicLong();
            AtomicLong seq = new AtomicLong();
            Await.until("island audio at libwebrtc", WAIT, () -> {
                // as FreeSWITCH playing a prompt: PCMU from the island, with the SSRC its answer announced
                for (int k = 0; k < 5; k++) {
                    echo.sendRtp(RtpPackets.rtp(0, (int) seq.incrementAndGet()), 0, 172);
                }
                inbound.set(inboundPackets(pc));
                return inbound.get() >= 50;
            }, () -> pulls.get() + " pulls, " + inbound.get() + " inbound; relay " + relay.counters() + "; gateway " + gateway.stats());
            assertThat(relay.browserSrtpProfile(0)).isEqualTo("AEAD_AES_128_GCM");
            assertThat(relay.islandSrtpProfile(0)).isEqualTo("AES_CM_128_HMAC_SHA1_80");
            assertThat(relay.counters().island(0).packetsReceived()).isGreaterThanOrEqualTo(50);
            assertThat(relay.counters().browser(0).packetsSent()).isGreaterThanOrEqualTo(50);
            assertThat(relay.counters().browser(0).discarded(DiscardReason.SRTP_AUTH_FAILED)).isZero();
            // libwebrtc's own capture reaches the island when its send path runs (see the class comment)
            LoggerFactory.getLogger(LibWebRtcPeerTest.class).info("libwebrtc -> island packets: {}, device pulls {}",
                    islandHeard.get(), pulls.get());
        } finally {
            relay.close();
            pc.close();
            quietly(adm::stopRecording);
            quietly(adm::stopPlayout);
            quietly(factory::dispose);
            quietly(adm::dispose);
        }
    }

    /** Native teardown errors must not hide the test's own outcome. */
    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(LibWebRtcPeerTest.class).debug("native teardown: {}", e.toString());
        }
    }

    private static void set(RTCPeerConnection pc, RTCSessionDescription d, boolean local) throws Exception {
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
        done.get(10, TimeUnit.SECONDS);
    }

    /** environment.md §3(a): keep UDP IPv4 candidates and point them at 127.0.0.1. */
    static String loopbackCandidates(String sdp) {
        StringBuilder out = new StringBuilder();
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("a=candidate:")) {
                String[] f = line.split(" ");
                if (!"udp".equalsIgnoreCase(f[2]) || f[4].contains(":")) {
                    continue;
                }
                f[4] = "127.0.0.1";
                line = String.join(" ", f);
            }
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    private static long inboundPackets(RTCPeerConnection pc) {
        CompletableFuture<Long> n = new CompletableFuture<>();
        pc.getStats(report -> {
            long total = 0;
            for (RTCStats s : report.getStats().values()) {
                if (s.getType() == RTCStatsType.INBOUND_RTP) {
                    Object v = s.getAttributes().get("packetsReceived");
                    if (v instanceof Number num) {
                        total += num.longValue();
                    }
                }
            }
            n.complete(total);
        });
        try {
            return n.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return -1;
        }
    }
}
