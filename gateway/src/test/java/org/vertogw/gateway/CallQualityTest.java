package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaConfig;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.RelayState;
import org.vertogw.media.rtp.Bytes;
import org.vertogw.media.rtp.RtcpHeader;
import org.vertogw.testing.Await;
import org.vertogw.testing.MetricsText;

/**
 * Per-leg call quality from RTCP through the gateway's own relay, with real DTLS-SRTP on both legs: a browser peer
 * and an island peer (the island's WebRtcEndpoint, as FreeSWITCH terminates media) each send sender reports and
 * answer the other's with a receiver report naming it. The gateway reads the reports as it relays them, and the
 * figures appear per leg in {@code GET /v1/admin/calls} and in the {@code /metrics} histograms.
 */
class CallQualityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    static GatewayFixture demo;
    static MediaEngine peers;

    @BeforeAll
    static void start() throws Exception {
        demo = GatewayFixture.withMedia();
        peers = MediaEngine.start(MediaConfig.builder()
                .bindAddress("127.0.0.1")
                .browserPort(0)
                .islandPorts(0, 0)
                .build());
    }

    @AfterAll
    static void stop() {
        demo.close();
        peers.close();
    }

    @Test
    void receiverReportsOfBothPeersGiveEachLegItsLossJitterAndRoundTrip() throws Exception {
        WebRtcEndpoint browser = WebRtcEndpoint.open(peers, "browser");
        WebRtcEndpoint island = WebRtcEndpoint.open(peers, "island");
        MediaRelay relay = demo.gateway.media().newRelay("quality-call");
        try {
            browser.applyAnswer(relay.browserAnswerFromIslandAnswer(
                    island.answer(relay.islandOfferFromBrowserOffer(browser.offer()))));
            Await.until("relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
            Await.until("browser connected", WAIT, browser::isConnected, browser::toString);
            Await.until("island connected", WAIT, island::isConnected, island::toString);
            // the browser reports 32/256 lost and 960 units (20 ms at 48 kHz) of jitter; the island 16/256 and 10 ms
            answerSenderReports(browser, 0x20, 960);
            answerSenderReports(island, 0x10, 480);
            AtomicInteger n = new AtomicInteger();
            Await.until(
                    "both legs measured a round trip",
                    WAIT,
                    () -> {
                        int i = n.incrementAndGet();
                        browser.sendRtcp(0, senderReport(0x1000 + i), 0, 28);
                        island.sendRtcp(0, senderReport(0x2000 + i), 0, 28);
                        JsonNode legs = media("quality-call");
                        return legs != null
                                && !legs.path("browser").path("rttMs").isNull()
                                && !legs.path("island").path("rttMs").isNull();
                    },
                    relay::toString);

            JsonNode m = media("quality-call");
            assertThat(m.path("clockRate").asInt()).isEqualTo(48_000);
            assertThat(m.path("browser").path("lossRatio").asDouble()).isEqualTo(0.125);
            assertThat(m.path("browser").path("jitterMs").asDouble()).isEqualTo(20.0);
            assertThat(m.path("browser").path("cumulativeLost").asInt()).isEqualTo(7);
            assertThat(m.path("island").path("lossRatio").asDouble()).isEqualTo(0.0625);
            assertThat(m.path("island").path("jitterMs").asDouble()).isEqualTo(10.0);
            for (String leg : new String[] {"browser", "island"}) {
                assertThat(m.path(leg).path("rttMs").asDouble()).as(leg).isBetween(0.0, 5_000.0);
                assertThat(m.path(leg).path("reports").asLong()).as(leg).isPositive();
            }

            String metrics = demo.get("/metrics").body();
            assertThat(count(metrics, "verto_gateway_call_loss_ratio_count", "browser"))
                    .isPositive();
            assertThat(count(metrics, "verto_gateway_call_rtt_seconds_count", "island"))
                    .isPositive();
            assertThat(count(metrics, "verto_gateway_call_jitter_seconds_count", "island"))
                    .isPositive();
            // 12.5 % falls in the 0.2 bucket, not the 0.1 one; 20 ms of jitter in 0.02, not 0.01
            assertThat(bucket(metrics, "verto_gateway_call_loss_ratio", "browser", "0.1"))
                    .isZero();
            assertThat(bucket(metrics, "verto_gateway_call_loss_ratio", "browser", "0.2"))
                    .isPositive();
            assertThat(bucket(metrics, "verto_gateway_call_jitter_seconds", "browser", "0.01"))
                    .isZero();
            assertThat(bucket(metrics, "verto_gateway_call_jitter_seconds", "browser", "0.02"))
                    .isPositive();
        } finally {
            relay.close();
            browser.close();
            island.close();
        }
    }

    /** Every SR a peer receives is answered at once with an RR naming it (DLSR 0). */
    private static void answerSenderReports(WebRtcEndpoint peer, int fractionLost, int jitter) {
        peer.onRtp((i, rtcp, b, o, l) -> {
            if (rtcp && l >= 28 && RtcpHeader.packetType(b, o) == RtcpHeader.SENDER_REPORT) {
                byte[] rr = new byte[32];
                rr[0] = (byte) 0x81;
                rr[1] = (byte) RtcpHeader.RECEIVER_REPORT;
                Bytes.writeShort(rr, 2, 7);
                Bytes.writeInt(rr, 8, RtcpHeader.senderSsrc(b, o));
                Bytes.writeInt(rr, 12, fractionLost << 24 | 7);
                Bytes.writeInt(rr, 16, 1000);
                Bytes.writeInt(rr, 20, jitter);
                Bytes.writeInt(rr, 24, Bytes.readInt(b, o + 10)); // LSR: the middle of the SR's NTP timestamp
                peer.sendRtcp(i, rr, 0, rr.length);
            }
        });
    }

    /** A sender report without report blocks whose NTP timestamp's middle 32 bits are {@code middle}. */
    private static byte[] senderReport(int middle) {
        byte[] sr = new byte[28];
        sr[0] = (byte) 0x80;
        sr[1] = (byte) RtcpHeader.SENDER_REPORT;
        Bytes.writeShort(sr, 2, 6);
        Bytes.writeInt(sr, 8, 0x0000_0000 | (middle >>> 16));
        Bytes.writeInt(sr, 12, middle << 16);
        return sr;
    }

    /** The first media section of a call in {@code GET /v1/admin/calls}, or null. */
    private static JsonNode media(String callId) {
        try {
            for (JsonNode c : JSON.readTree(demo.get("/v1/admin/calls").body())) {
                if (c.path("callId").asText().equals(callId)) {
                    return c.path("media").get(0);
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double count(String metrics, String name, String leg) {
        return value(metrics, name + "{leg=\"" + leg + "\"}");
    }

    private static double bucket(String metrics, String name, String leg, String le) {
        return value(metrics, name + "_bucket{leg=\"" + leg + "\",le=\"" + le + "\"}");
    }

    private static double value(String metrics, String series) {
        OptionalDouble v = MetricsText.sample(metrics, series);
        assertThat(v).as(series + " in\n" + metrics).isPresent();
        return v.getAsDouble();
    }
}
