package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vertogw.gateway.config.GatewayConfig;
import org.vertogw.gateway.config.MediaSettings;
import org.vertogw.gateway.config.Mode;
import org.vertogw.gateway.island.IslandState;
import org.vertogw.gateway.peers.DataChannelMedia;
import org.vertogw.island.IslandConfig;
import org.vertogw.island.VertoIsland;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandRole;
import org.vertogw.partition.PartitionBy;
import org.vertogw.partition.PartitionMap;
import org.vertogw.testing.webrtc.AudioStats;
import org.vertogw.testing.webrtc.LibWebRtcPhone;

/**
 * The gateway's island legs against WebRTC stacks we did not write, with the certificate FreeSWITCH presents: an
 * island whose media is libdatachannel (OpenSSL's DTLS, an RSA-2048 certificate made by {@code openssl req}), and
 * libwebrtc as the browser. A call from the browser side (the island answers active: the gateway is the DTLS
 * server toward RSA) and one from the island side (the island offers actpass: the gateway is the DTLS client toward
 * RSA), each with audio both ways, told apart by the level of each peer's tone.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class IndependentIslandIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long PACKETS = 50;
    private static final short LOUD = 8000;
    private static final short QUIET = 4000;
    private static final double LEVEL_TOLERANCE = 0.03;

    static DataChannelMedia media;
    static VertoIsland island;
    static VertoGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("rsa-island");
        Path cert = dir.resolve("dtls-srtp.crt");
        Path key = dir.resolve("dtls-srtp.key");
        Process req = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "2",
                        "-subj",
                        "/CN=FreeSWITCH",
                        "-keyout",
                        key.toString(),
                        "-out",
                        cert.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(req.waitFor(60, TimeUnit.SECONDS) && req.exitValue() == 0)
                .as("openssl req")
                .isTrue();
        media = DataChannelMedia.start(cert, key);
        island = VertoIsland.start(IslandConfig.builder("fs-01").media(media).build());
        PartitionMap map = new PartitionMap(
                1,
                PartitionBy.DOMAIN,
                List.of(new Island("fs-01", 1, IslandRole.ACTIVE, island.uri().toString(), List.of())),
                null,
                null);
        gateway = VertoGateway.start(GatewayConfig.builder()
                .mode(Mode.DEMO)
                .port(0)
                .dataDir(dir)
                .map(map)
                .health(GatewayFixture.FAST_HEALTH)
                .media(MediaSettings.loopback(0))
                .build());
        GatewayFixture.await(() -> gateway.health().state("fs-01") == IslandState.UP, "island up");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (island != null) {
            island.close();
        }
    }

    /** The gateway's DTLS role and the island's certificate on the island leg of each open call. */
    private static List<String> islandLegs() {
        return gateway.media().openRelays().stream()
                .map(r -> r.islandLeg(0).dtlsRole() + " " + r.islandLeg(0).peerCertificate())
                .toList();
    }

    @Test
    void aBrowserCallToTheEchoComesBackThroughAnRsaIsland() throws Exception {
        try (LibWebRtcPhone phone = LibWebRtcPhone.login(gateway.wssUri(), "1000@a.example", "1234", LOUD)) {
            phone.call("9196");
            phone.peer().awaitConnected(WAIT);
            phone.peer().startTone(WAIT);
            AudioStats heard = phone.peer().awaitAudio(PACKETS, WAIT);
            assertThat(heard.packetsReceived()).isGreaterThan(PACKETS);
            assertThat(heard.audioLevel()).isCloseTo(phone.peer().toneLevel(), within(LEVEL_TOLERANCE));
            assertThat(islandLegs()).containsExactly("SERVER RSA-2048");
            assertThat(phone.hangUp().path("result").path("message").asText()).isEqualTo("CALL ENDED");
        }
    }

    @Test
    void twoUsersBridgedByAnRsaIslandHearEachOtherWithTheGatewayInBothDtlsRoles() throws Exception {
        ExecutorService calleeThread = Executors.newSingleThreadExecutor();
        try (LibWebRtcPhone alice = LibWebRtcPhone.login(gateway.wssUri(), "1000@b.example", "1234", LOUD);
                LibWebRtcPhone bob = LibWebRtcPhone.login(gateway.wssUri(), "1001@b.example", "1234", QUIET)) {
            CompletableFuture<String> bobAnswered = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return bob.answerIncoming();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    calleeThread);
            alice.call("1001");
            bobAnswered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            alice.peer().awaitConnected(WAIT);
            bob.peer().awaitConnected(WAIT);
            alice.peer().startTone(WAIT);
            bob.peer().startTone(WAIT);
            AudioStats aliceHeard = alice.peer().awaitAudio(PACKETS, WAIT);
            AudioStats bobHeard = bob.peer().awaitAudio(PACKETS, WAIT);
            assertThat(aliceHeard.audioLevel()).isCloseTo(bob.peer().toneLevel(), within(LEVEL_TOLERANCE));
            assertThat(bobHeard.audioLevel()).isCloseTo(alice.peer().toneLevel(), within(LEVEL_TOLERANCE));
            assertThat(islandLegs()).containsExactlyInAnyOrder("SERVER RSA-2048", "CLIENT RSA-2048");
            assertThat(alice.hangUp().path("result").path("message").asText()).isEqualTo("CALL ENDED");
            bob.awaitHangUp();
        } finally {
            calleeThread.shutdownNow();
        }
    }
}
