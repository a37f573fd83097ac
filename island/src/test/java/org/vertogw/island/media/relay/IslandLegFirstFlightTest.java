package org.vertogw.island.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.sdp.SessionDescription;
import org.vertogw.testing.Await;

/**
 * The first DTLS flight of a leg is not lost to ICE's selection. The island offers (a re-attached call), the gateway
 * answers {@code active} and sends its ClientHello the instant it has answered the island's check; a proxy in between
 * hands the island that answer and the ClientHello together, as a busy host does. An island leg that connected its
 * socket on selection would have had the JDK discard the queued ClientHello, and with the gateway's retransmission
 * timer at 20 s here the handshake could not complete within the wait.
 */
class IslandLegFirstFlightTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Every end retransmits a lost flight only after 20 s: a handshake done within {@link #WAIT} lost none. */
    private final MediaEngine gateway = MediaRelayLoopbackTest.engine(Duration.ofSeconds(20));

    private final MediaEngine island = MediaRelayLoopbackTest.engine(Duration.ofSeconds(20));
    private final MediaEngine browsers = MediaRelayLoopbackTest.engine(Duration.ofSeconds(20));

    @AfterEach
    void tearDown() {
        gateway.close();
        island.close();
        browsers.close();
    }

    @Test
    void theClientHelloQueuedBehindTheCheckAnswerIsHandshakedOn() throws Exception {
        WebRtcEndpoint phone = WebRtcEndpoint.open(island, "1000");
        WebRtcEndpoint.echo(phone);
        MediaRelay relay = gateway.newRelay("call-1");
        String browserOffer = relay.browserOfferFromIslandOffer(phone.offer());
        WebRtcEndpoint browser = WebRtcEndpoint.open(browsers, "alice");
        String islandAnswer = relay.islandAnswerFromBrowserAnswer(browser.answer(browserOffer));
        int gatewayPort = SessionDescription.parse(islandAnswer).media().get(0).port();

        try (AnswerWithFirstFlight proxy = new AnswerWithFirstFlight(gatewayPort)) {
            phone.applyAnswer(islandAnswer.replace(" " + gatewayPort + " ", " " + proxy.port() + " "));
            Await.until(
                    "the island leg secure on both ends",
                    WAIT,
                    () -> relay.islandLeg(0).isSecure() && phone.isConnected(),
                    () -> relay + " / " + phone);
            assertThat(proxy.heldTogether.get())
                    .as("the check's answer went to the island together with the ClientHello")
                    .isEqualTo(1);
        }
    }

    /**
     * The gateway offers (a browser's call), the island answers {@code active} and sends its ClientHello once its ICE
     * check is answered, before its answer has reached the gateway: the gateway keeps that record and starts its
     * handshake with it when the answer arms DTLS, instead of waiting for the island's retransmission.
     */
    @Test
    void aClientHelloThatOvertakesTheAnswerIsKeptForIt() throws Exception {
        WebRtcEndpoint browser = WebRtcEndpoint.open(browsers, "alice");
        MediaRelay relay = gateway.newRelay("call-2");
        String islandOffer = relay.islandOfferFromBrowserOffer(browser.offer());
        WebRtcEndpoint phone = WebRtcEndpoint.open(island, "1001");
        WebRtcEndpoint.echo(phone);
        String islandAnswer = phone.answer(islandOffer);
        Await.until(
                "the island's ClientHello held by the gateway's island leg",
                WAIT,
                () -> relay.islandLeg(0).earlyDtlsRecords() > 0,
                relay::toString);

        browser.applyAnswer(relay.browserAnswerFromIslandAnswer(islandAnswer));
        Await.until(
                "the island leg secure on both ends",
                WAIT,
                () -> relay.islandLeg(0).isSecure() && phone.isConnected(),
                () -> relay + " / " + phone);
        assertThat(relay.islandLeg(0).earlyDtlsRecords()).isZero();
    }

    /**
     * Forwards between the island and the gateway's island port, holding the gateway's first STUN success response
     * until the gateway's next datagram (its ClientHello), then sending both back to back.
     */
    private static final class AnswerWithFirstFlight extends UdpHop {
        private byte[] held;
        private boolean released;
        final AtomicInteger heldTogether = new AtomicInteger();

        AnswerWithFirstFlight(int gatewayPort) throws IOException {
            super(gatewayPort, "first-flight-proxy");
        }

        @Override
        void fromGateway(byte[] d) throws IOException {
            boolean stunSuccess = d.length >= 20 && d[0] == 0x01 && d[1] == 0x01;
            if (!released && held == null && stunSuccess) {
                held = d;
                return;
            }
            if (held != null && !released) {
                toNear(held);
                released = true;
                heldTogether.incrementAndGet();
            }
            toNear(d);
        }
    }
}
