package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertogw.testing.VertoTestClient.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.Limits;
import org.vertogw.gateway.edge.CloseReason;
import org.vertogw.testing.Await;
import org.vertogw.testing.VertoTestClient;

/**
 * The message-rate close (docs/protocol.md §10.6) cannot be dodged by a frame that fits now and then: over-rate
 * frames count until a full refill period passes without any. At 10 frames/s with a burst of 10 the period is 1 s
 * and the close comes past 50 over-rate frames.
 */
class MessageRateCloseTest {

    static GatewayFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new GatewayFixture(b -> b.limits(Limits.builder()
                .with(l -> {
                    l.messagesPerSecond = 10;
                    l.messageBurst = 10;
                    l.loginDeadline = Duration.ofMinutes(5); // only the message rate may close these clients
                })
                .build()));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void burstsOverTheRateSeparatedByFramesThatFitAreClosed() throws Exception {
        long before = fx.gateway.metrics().count(CloseReason.MESSAGE_RATE);
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // 40 over-rate frames a round (under the 50 that close), then 200 ms, in which two tokens come back: the
            // first frames of the next round fit. Pacing the sender, not waiting for the gateway.
            while (c.isOpen() && System.nanoTime() < deadline) {
                for (int i = 0; i < 42; i++) {
                    c.request("verto.ping", params());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
            assertThat(c.awaitClose()).isEqualTo(1008);
            assertThat(c.closeReason()).isEqualTo(CloseReason.MESSAGE_RATE.text());
        }
        Await.until("the close counted", () -> fx.gateway.metrics().count(CloseReason.MESSAGE_RATE) == before + 1);
    }

    @Test
    void aClientAtHalfTheRateIsNeverLimitedNorClosed() throws Exception {
        long before = fx.gateway.metrics().count(CloseReason.MESSAGE_RATE);
        try (VertoTestClient c = VertoTestClient.connect(fx.wss())) {
            for (int i = 0; i < 20; i++) {
                JsonNode r = c.call("verto.ping", params());
                assertThat(r.path("error").path("code").asInt()).isEqualTo(-32000);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
            assertThat(c.isOpen()).isTrue();
        }
        assertThat(fx.gateway.metrics().count(CloseReason.MESSAGE_RATE)).isEqualTo(before);
    }
}
