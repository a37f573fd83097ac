package org.vertogw.island.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertogw.island.media.endpoint.WebRtcEndpoint;
import org.vertogw.media.MediaEngine;
import org.vertogw.media.relay.MediaRelay;
import org.vertogw.media.relay.RelayState;
import org.vertogw.media.rtp.Bytes;
import org.vertogw.media.rtp.PayloadSpecificFeedback;
import org.vertogw.media.sdp.SessionDescription;
import org.vertogw.media.srtp.SrtpProfile;
import org.vertogw.testing.Await;

/**
 * A key-frame request crosses the gateway and the island: browser A's PLI goes through A's relay (forwarded
 * untouched on the video m-line) to A's island endpoint, the island bridge turns it into a PLI of its own toward
 * browser B, the sender of the video A receives, through B's relay; and the same on the echo extension. Real UDP,
 * ICE, DTLS and SRTP on every leg; the browsers are endpoint stand-ins that send VP8-typed RTP.
 */
class KeyFrameRequestTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int VIDEO = 1;

    private final MediaEngine gateway = MediaRelayLoopbackTest.engine();
    private final MediaEngine island = MediaRelayLoopbackTest.engine();
    private final MediaEngine browsers = MediaRelayLoopbackTest.engine();

    @AfterEach
    void tearDown() {
        gateway.close();
        island.close();
        browsers.close();
    }

    /** The SSRC a stand-in browser's offer declares for its video (what it stamps on what it sends). */
    private final java.util.Map<WebRtcEndpoint, Integer> videoSsrc = new java.util.HashMap<>();

    /** A browser with audio and VP8 video, its relay and its island endpoint, connected. */
    private WebRtcEndpoint[] call(String id) throws Exception {
        WebRtcEndpoint browser = WebRtcEndpoint.open(browsers, id);
        browser.setSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM));
        WebRtcEndpoint islandSide = WebRtcEndpoint.open(island, id + "-island");
        MediaRelay relay = gateway.newRelay(id);
        String browserOffer = browser.offer(true);
        String ssrc = SessionDescription.parse(browserOffer).media().get(VIDEO).attribute("ssrc");
        videoSsrc.put(browser, Integer.parseUnsignedInt(ssrc.substring(0, ssrc.indexOf(' '))));
        String offer = relay.islandOfferFromBrowserOffer(browserOffer);
        browser.applyAnswer(relay.browserAnswerFromIslandAnswer(islandSide.answer(offer)));
        Await.until(id + " relay connected", WAIT, () -> relay.state() == RelayState.CONNECTED, relay::toString);
        Await.until(id + " island connected", WAIT, islandSide::isConnected, islandSide::toString);
        assertThat(islandSide.videoIndex()).isEqualTo(VIDEO);
        assertThat(islandSide.videoPayloadType()).isEqualTo(96);
        return new WebRtcEndpoint[] {browser, islandSide};
    }

    /** Counts the PLIs {@code e} receives on the video section naming {@code mediaSsrc} as their media source. */
    private static AtomicInteger plis(WebRtcEndpoint e, int[] mediaSsrc) {
        AtomicInteger n = new AtomicInteger();
        e.onRtp((i, rtcp, b, o, l) -> {
            if (rtcp && i == VIDEO && PayloadSpecificFeedback.requestsKeyFrame(b, o, l)) {
                mediaSsrc[0] = Bytes.readInt(b, o + 8);
                n.incrementAndGet();
            }
        });
        return n;
    }

    private static byte[] vp8(int ssrc, int seq) {
        byte[] p = RtpPackets.rtp(ssrc, seq);
        p[1] = 96;
        return p;
    }

    private static byte[] pli() {
        byte[] b = new byte[PayloadSpecificFeedback.PLI_LENGTH];
        PayloadSpecificFeedback.writePli(b, 0, 0x0B0B, 0x0C0C);
        return b;
    }

    @Test
    void aPliFromOneBrowserReachesTheOtherThroughRelaysAndTheIslandBridge() throws Exception {
        WebRtcEndpoint[] a = call("a");
        WebRtcEndpoint[] b = call("b");
        WebRtcEndpoint.bridge(a[1], b[1]);
        int[] named = new int[1];
        AtomicInteger atB = plis(b[0], named);
        AtomicInteger seq = new AtomicInteger(1);
        Await.until(
                "browser B hears a PLI that browser A sent",
                WAIT,
                () -> {
                    // B's video goes first, so the island knows whom to ask; then A, receiving it, asks for a key frame
                    b[0].sendRtp(VIDEO, vp8(0xB1DE0, seq.getAndIncrement()), 0, 172);
                    a[0].sendRtcp(VIDEO, pli(), 0, PayloadSpecificFeedback.PLI_LENGTH);
                    return atB.get() > 0;
                },
                () -> "island B: " + b[1].counters());
        assertThat(named[0]).as("the PLI names B's own video SSRC").isEqualTo(videoSsrc.get(b[0]));
    }

    @Test
    void onTheEchoAPliComesBackToTheBrowserThatSendsTheVideo() throws Exception {
        WebRtcEndpoint[] a = call("echo");
        WebRtcEndpoint.echo(a[1]);
        int[] named = new int[1];
        AtomicInteger back = plis(a[0], named);
        AtomicInteger seq = new AtomicInteger(1);
        Await.until(
                "the echo asks the browser for a key frame",
                WAIT,
                () -> {
                    a[0].sendRtp(VIDEO, vp8(0xEC40, seq.getAndIncrement()), 0, 172);
                    a[0].sendRtcp(VIDEO, pli(), 0, PayloadSpecificFeedback.PLI_LENGTH);
                    return back.get() > 0;
                },
                () -> "island: " + a[1].counters());
        assertThat(named[0]).isEqualTo(videoSsrc.get(a[0]));
    }

    @Test
    void withoutVideoReceivedNoPliIsSent() throws Exception {
        WebRtcEndpoint[] a = call("quiet");
        int[] named = new int[1];
        AtomicInteger plis = plis(a[0], named);
        long sent = a[1].counters().leg(VIDEO).packetsSent();
        a[1].requestKeyFrame(VIDEO);
        // a marker RTCP after the request, on the same thread: once it has arrived, a PLI would have too
        AtomicInteger rtcp = new AtomicInteger();
        a[0].onRtp((i, isRtcp, buf, o, l) -> {
            if (isRtcp && i == VIDEO) {
                rtcp.incrementAndGet();
            }
        });
        a[1].sendRtcp(VIDEO, new byte[] {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 0}, 0, 8);
        Await.until("the marker report arrives", WAIT, () -> rtcp.get() > 0, () -> "" + a[1].counters());
        assertThat(plis.get()).isZero();
        assertThat(a[1].counters().leg(VIDEO).packetsSent()).isEqualTo(sent + 1);
    }
}
