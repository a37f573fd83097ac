package org.vertogw.island.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.dtls.DtlsKeyType;
import org.vertogw.media.dtls.DtlsRole;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.RelayState;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.media.transport.DiscardReason;
import org.vertogw.media.transport.MediaTransport;
import org.vertogw.testing.Await;

/**
 * Calls through a gateway relay where one peer presents each certificate real peers present (FreeSWITCH's RSA of
 * 2048 or 4096 bits, a browser's ECDSA P-256), with the gateway as DTLS client and as server on that peer's leg:
 * ICE, DTLS and SRTP both ways over real UDP.
 */
class DtlsCertificateMatrixTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<DtlsKeyType, MediaEngine> PEERS = new EnumMap<>(DtlsKeyType.class);
    private static final MediaEngine GATEWAY = engine(DtlsKeyType.ECDSA_P256);

    private static MediaEngine engine(DtlsKeyType key) {
        return MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .dtlsRetransmit(Duration.ofMillis(300))
                .mediaThreads(1)
                .dtlsKey(key)
                .build());
    }

    private static synchronized MediaEngine peer(DtlsKeyType key) {
        return PEERS.computeIfAbsent(key, DtlsCertificateMatrixTest::engine);
    }

    @AfterAll
    static void close() {
        PEERS.values().forEach(MediaEngine::close);
        GATEWAY.close();
    }

    enum Leg {
        ISLAND,
        BROWSER
    }

    @ParameterizedTest(name = "{0} leg, gateway DTLS {1}, peer {2}")
    @CsvSource({
        "ISLAND, CLIENT, RSA_2048", "ISLAND, SERVER, RSA_2048",
        "ISLAND, CLIENT, RSA_4096", "ISLAND, SERVER, RSA_4096",
        "ISLAND, CLIENT, ECDSA_P256", "ISLAND, SERVER, ECDSA_P256",
        "BROWSER, CLIENT, RSA_2048", "BROWSER, SERVER, RSA_2048",
        "BROWSER, CLIENT, RSA_4096", "BROWSER, SERVER, RSA_4096",
        "BROWSER, CLIENT, ECDSA_P256", "BROWSER, SERVER, ECDSA_P256"
    })
    void srtpFlowsBothWays(Leg leg, DtlsRole gatewayRole, DtlsKeyType peerKey) throws Exception {
        MediaEngine islandEngine = peer(leg == Leg.ISLAND ? peerKey : DtlsKeyType.RSA_2048);
        MediaEngine browserEngine = peer(leg == Leg.BROWSER ? peerKey : DtlsKeyType.ECDSA_P256);
        WebRtcEndpoint browser = WebRtcEndpoint.open(browserEngine, "browser");
        browser.setSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        WebRtcEndpoint island = WebRtcEndpoint.open(islandEngine, "island");
        MediaRelay relay = GATEWAY.newRelay("call");
        try {
            // Who offers decides the roles: a browser's actpass offer makes the gateway DTLS server toward the
            // browser and (FreeSWITCH answering active) server toward the island; an island's actpass offer makes
            // the gateway client toward the island, and client toward a browser that answers passive.
            boolean islandOffers = gatewayRole == DtlsRole.CLIENT;
            if (islandOffers) {
                browser.answerAsDtlsServer(leg == Leg.BROWSER);
                String browserOffer = relay.browserOfferFromIslandOffer(island.offer());
                island.applyAnswer(relay.islandAnswerFromBrowserAnswer(browser.answer(browserOffer)));
            } else {
                browser.applyAnswer(relay.browserAnswerFromIslandAnswer(
                        island.answer(relay.islandOfferFromBrowserOffer(browser.offer()))));
            }
            Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
            MediaTransport tested = leg == Leg.ISLAND ? relay.islandLeg(0) : relay.browserLeg(0);
            assertThat(tested.dtlsRole()).isEqualTo(gatewayRole);
            assertThat(tested.peerCertificate()).isEqualTo(peerKey.toString());
            assertThat(tested.dtlsCipherSuite())
                    .startsWith(peerKey.isRsa() && gatewayRole == DtlsRole.CLIENT ? "ECDHE_RSA_" : "ECDHE_ECDSA_");

            ConcurrentLinkedQueue<byte[]> atIsland = collect(island);
            ConcurrentLinkedQueue<byte[]> atBrowser = collect(browser);
            sendUntil(browser, 0xB0, atIsland);
            sendUntil(island, 0x15, atBrowser);
            assertThat(atIsland).allMatch(p -> RtpPackets.payloadMatches(p, 0, p.length));
            assertThat(atBrowser).allMatch(p -> RtpPackets.payloadMatches(p, 0, p.length));
            assertThat(relay.counters().browser(0).discarded(DiscardReason.SRTP_AUTH_FAILED))
                    .isZero();
            assertThat(relay.counters().island(0).discarded(DiscardReason.SRTP_AUTH_FAILED))
                    .isZero();
        } finally {
            relay.close();
            browser.close();
            island.close();
        }
    }

    private static ConcurrentLinkedQueue<byte[]> collect(WebRtcEndpoint e) {
        ConcurrentLinkedQueue<byte[]> q = new ConcurrentLinkedQueue<>();
        e.onRtp((i, rtcp, b, o, l) -> {
            if (!rtcp) {
                q.add(Arrays.copyOfRange(b, o, o + l));
            }
        });
        return q;
    }

    private static void sendUntil(WebRtcEndpoint from, int ssrc, ConcurrentLinkedQueue<byte[]> received) {
        AtomicInteger seq = new AtomicInteger(100);
        Await.until(
                "20 packets through",
                WAIT,
                () -> {
                    for (int i = 0; i < 5; i++) {
                        from.sendRtp(RtpPackets.rtp(ssrc, seq.getAndIncrement()), 0, 172);
                    }
                    return received.size() >= 20;
                },
                () -> received.size() + " received");
    }
}
