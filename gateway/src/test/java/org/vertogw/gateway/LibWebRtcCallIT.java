package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.testing.webrtc.AudioStats;
import org.vertogw.testing.webrtc.LibWebRtcPhone;

/**
 * libwebrtc (webrtc-java), a WebRTC stack independent of Chromium, as the browser in front of the demo gateway:
 * Verto over WSS, ICE-lite and DTLS-SRTP with the gateway's relay, WebRTC between the relay and the island, the
 * island's echo and its bridge. Audio counts only when libwebrtc decrypted, decoded and measured it: inbound-rtp
 * packetsReceived and the audioLevel of the 440 Hz tone each peer sends. The two peers of a call send their tone
 * at different amplitudes, so each proves it hears the other and not itself.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class LibWebRtcCallIT {

    private static final Logger LOG = LoggerFactory.getLogger(LibWebRtcCallIT.class);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long PACKETS = 50;
    private static final short LOUD = 8000;
    private static final short QUIET = 4000;
    /** Opus is lossy: the decoded peak differs from the sent one by well under this. */
    private static final double LEVEL_TOLERANCE = 0.03;

    static GatewayFixture demo;

    @BeforeAll
    static void start() throws Exception {
        demo = GatewayFixture.withMedia();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private static URI wss() {
        return demo.gateway.wssUri();
    }

    @Test
    void libWebRtcCalls9196AndHearsItsOwnToneBack() throws Exception {
        try (LibWebRtcPhone phone = LibWebRtcPhone.login(wss(), "1000@a.example", "1234", LOUD)) {
            long t0 = System.nanoTime();
            String answer = phone.call("9196");
            assertThat(answer).contains("a=ice-lite").contains("a=fingerprint:sha-256");
            phone.peer().awaitConnected(WAIT);
            long connected = System.nanoTime();
            phone.peer().startTone(WAIT);
            AudioStats heard = phone.peer().awaitAudio(PACKETS, WAIT);
            LOG.info(
                    "echo: connected after {} ms, own tone back after {} ms more: {}, tone pushes {}",
                    ms(t0, connected),
                    ms(connected, System.nanoTime()),
                    heard,
                    phone.peer().tonePushes());
            assertThat(heard.packetsReceived()).isGreaterThan(PACKETS);
            assertThat(heard.audioLevel())
                    .isGreaterThan(0)
                    .isCloseTo(phone.peer().toneLevel(), within(LEVEL_TOLERANCE));
            assertThat(heard.srtpCipher()).isEqualTo("AEAD_AES_128_GCM");
            assertThat(demo.gateway.media().stats().openRelays()).isEqualTo(1);

            assertThat(phone.hangUp().path("result").path("message").asText()).isEqualTo("CALL ENDED");
            GatewayFixture.await(() -> demo.gateway.media().stats().openRelays() == 0, "relay released on bye");
        }
    }

    @Test
    void twoLibWebRtcPeersCallEachOtherWithAudioBothWaysThenByeReachesTheCallee() throws Exception {
        ExecutorService calleeThread = Executors.newSingleThreadExecutor();
        try (LibWebRtcPhone alice = LibWebRtcPhone.login(wss(), "1000@b.example", "1234", LOUD);
                LibWebRtcPhone bob = LibWebRtcPhone.login(wss(), "1001@b.example", "1234", QUIET)) {
            long t0 = System.nanoTime();
            CompletableFuture<String> bobAnswered = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return bob.answerIncoming();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    calleeThread);
            try {
                callAndHangUp(alice, bob, bobAnswered, t0);
            } finally {
                // the callee's thread must be done with its peer before the phones close it
                try {
                    bobAnswered.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.debug("callee did not answer: {}", e.toString());
                }
            }
        } finally {
            calleeThread.shutdownNow();
        }
    }

    private static void callAndHangUp(
            LibWebRtcPhone alice, LibWebRtcPhone bob, CompletableFuture<String> bobAnswered, long t0) throws Exception {
        String callerAnswer = alice.call("1001");
        String calleeOffer = bobAnswered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(callerAnswer).contains("a=ice-lite").contains("a=fingerprint:sha-256");
        assertThat(calleeOffer).contains("a=ice-lite").contains("a=setup:actpass");

        alice.peer().awaitConnected(WAIT);
        bob.peer().awaitConnected(WAIT);
        long connected = System.nanoTime();
        alice.peer().startTone(WAIT);
        bob.peer().startTone(WAIT);
        AudioStats aliceHeard = alice.peer().awaitAudio(PACKETS, WAIT);
        AudioStats bobHeard = bob.peer().awaitAudio(PACKETS, WAIT);
        LOG.info(
                "bridge: both connected after {} ms, audio both ways after {} ms more; alice heard {}, bob heard {}",
                ms(t0, connected),
                ms(connected, System.nanoTime()),
                aliceHeard,
                bobHeard);
        assertThat(aliceHeard.packetsReceived()).isGreaterThan(PACKETS);
        assertThat(aliceHeard.audioLevel())
                .isGreaterThan(0)
                .isCloseTo(bob.peer().toneLevel(), within(LEVEL_TOLERANCE));
        assertThat(bobHeard.packetsReceived()).isGreaterThan(PACKETS);
        assertThat(aliceHeard.srtpCipher()).isEqualTo("AEAD_AES_128_GCM");
        assertThat(bobHeard.srtpCipher()).isEqualTo("AEAD_AES_128_GCM");
        assertThat(bobHeard.audioLevel())
                .isGreaterThan(0)
                .isCloseTo(alice.peer().toneLevel(), within(LEVEL_TOLERANCE));
        assertThat(demo.gateway.media().stats().openRelays()).isEqualTo(2);

        assertThat(alice.hangUp().path("result").path("message").asText()).isEqualTo("CALL ENDED");
        JsonNode bye = bob.awaitHangUp();
        assertThat(bye.path("params").path("callID").asText()).isEqualTo(bob.callId());
        GatewayFixture.await(() -> demo.gateway.media().stats().openRelays() == 0, "both relays released");
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
