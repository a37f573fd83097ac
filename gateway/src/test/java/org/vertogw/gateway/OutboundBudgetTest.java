package org.vertogw.gateway;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.Limits;
import org.vertogw.gateway.edge.CloseReason;
import org.vertogw.testing.Await;
import org.vertogw.testing.RawWebSocket;

/**
 * A client that sends requests as fast as it can and never reads their answers: once what waits for it passes
 * {@code limits.maxQueuedOutboundBytes}, the gateway closes the connection instead of holding the replies.
 */
class OutboundBudgetTest {

    static GatewayFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new GatewayFixture(b -> b.limits(Limits.builder()
                .with(l -> {
                    l.maxQueuedOutboundBytes = 65_536;
                    l.messagesPerSecond = 100_000;
                    l.messageBurst = 1_000_000;
                    l.inboundBytesPerSecond = 1L << 30;
                    l.inboundBytesBurst = 1L << 30;
                })
                .build()));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void aClientThatDoesNotReadIsClosedOnceItsRepliesPassTheBudget() throws Exception {
        long before = fx.gateway.metrics().count(CloseReason.SEND_QUEUE);
        String id = "r".repeat(120);
        String request = "{\"jsonrpc\":\"2.0\",\"method\":\"verto.ping\",\"id\":\"" + id + "\",\"params\":{}}";
        try (RawWebSocket ws = RawWebSocket.open("127.0.0.1", fx.gateway.port(), "/verto", 4096)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            try {
                while (fx.gateway.metrics().count(CloseReason.SEND_QUEUE) == before && System.nanoTime() < deadline) {
                    for (int i = 0; i < 500; i++) {
                        ws.sendText(request);
                    }
                }
            } catch (IOException closed) {
                // the gateway closed the connection while we were still sending: what the test waits for
            }
            Await.until(
                    "the connection closed for its queue",
                    () -> fx.gateway.metrics().count(CloseReason.SEND_QUEUE) == before + 1);
        }
        Await.until("no session left", () -> fx.gateway.edge().openSessions() == 0);
    }
}
