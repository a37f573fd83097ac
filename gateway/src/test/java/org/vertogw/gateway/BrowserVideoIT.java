package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertogw.testing.Await;
import org.vertogw.testing.Chromium;

/**
 * Video through the gateway and the embedded island with headless Chromium's fake camera (a plain test page, no
 * SDK): the echo extension decodes the browser's own video, two browsers see each other through the island bridge,
 * a key-frame request from one browser makes the other encode a key frame, and the Verto screen share (a second
 * call from the same session) flows.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class BrowserVideoIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static HttpServer page;
    static GatewayFixture demo;
    static Chromium chromium;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page.createContext("/", ex -> {
            try (InputStream in = BrowserVideoIT.class.getResourceAsStream("/peers/echo.html")) {
                byte[] body = in.readAllBytes();
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        page.start();
        demo = GatewayFixture.withMedia();
        chromium = new Chromium();
        driver = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (demo != null) {
            demo.close();
        }
        page.stop(0);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const cb = arguments[arguments.length - 1];" + "(async () => {" + script
                                + "})().then(cb, e => cb('ERR ' + e));",
                        args);
    }

    private static void openPage() {
        driver.get("http://localhost:" + page.getAddress().getPort() + "/");
    }

    private static String wss() {
        return demo.gateway.wssUri().toString();
    }

    /** The page's getStats summary of a peer's video ({@code inbound}, {@code outbound}, {@code transports}). */
    private static Map<?, ?> video(String peer, String which) {
        Object r = js("return await peers[arguments[0]].videoStats(arguments[1]);", peer, which);
        assertThat(r).as("stats of " + peer).isInstanceOf(Map.class);
        return (Map<?, ?>) r;
    }

    private static long number(Map<?, ?> stats, String direction, String field) {
        Object d = stats.get(direction);
        return d instanceof Map<?, ?> m ? ((Number) m.get(field)).longValue() : 0;
    }

    private static Map<?, ?> awaitVideo(String peer, String which, String what, Predicate<Map<?, ?>> ok) {
        Map<?, ?>[] last = new Map<?, ?>[1];
        Await.until(
                peer + ": " + what,
                WAIT,
                () -> {
                    last[0] = video(peer, which);
                    return ok.test(last[0]);
                },
                () -> String.valueOf(last[0]));
        return last[0];
    }

    private static Map<?, ?> awaitFramesDecoded(String peer, long frames) {
        return awaitVideo(
                peer,
                "main",
                frames + " video frames decoded",
                s -> number(s, "inbound", "framesDecoded") >= frames && number(s, "inbound", "frameWidth") > 0);
    }

    @Test
    void chromiumCalls9196WithVideoAndDecodesItsOwnVideo() {
        openPage();
        assertThat(js("return await startPeer('a', arguments[0], '1000@a.example');", wss()))
                .isEqualTo("ok");
        String answer = (String) js("return await peers.a.invite('9196', { video: true });");
        assertThat(answer).contains("a=ice-lite").contains("m=video").doesNotContain("a=simulcast");
        Map<?, ?> s = awaitFramesDecoded("a", 30);
        assertThat(number(s, "outbound", "frameWidth")).as("a sent resolution").isPositive();
        long decoded = number(s, "inbound", "framesDecoded");
        awaitFramesDecoded("a", decoded + 30);
        js("return await peers.a.bye();");
        GatewayFixture.await(() -> demo.gateway.media().stats().openRelays() == 0, "relay released on bye");
    }

    @Test
    void videoRefreshOnTheEchoMakesTheBrowserEncodeAKeyFrame() {
        openPage();
        js("return await startPeer('r', arguments[0], '1004@a.example');", wss());
        js("return await peers.r.invite('9196', { video: true });");
        Map<?, ?> s = awaitFramesDecoded("r", 30);
        long plis = number(s, "outbound", "pliCount");
        long keyFrames = number(s, "outbound", "keyFramesEncoded");
        Object result = js("return await peers.r.modify('videoRefresh');");
        assertThat(result).isInstanceOf(Map.class);
        awaitVideo(
                "r",
                "main",
                "a PLI received and a key frame encoded after videoRefresh",
                v -> number(v, "outbound", "pliCount") > plis && number(v, "outbound", "keyFramesEncoded") > keyFrames);
        js("return await peers.r.bye();");
    }

    @Test
    void twoChromiumPeersSeeEachOtherAndAKeyFrameRequestCrossesTheIsland() {
        openPage();
        js(
                "await startPeer('alice', arguments[0], '1002@b.example'); await startPeer('bob', arguments[0], '1003@b.example'); return 'ok';",
                wss());
        js("window.bobAnswered = peers.bob.answerIncoming({ video: true }); return 'ok';");
        String callerAnswer = (String) js("return await peers.alice.invite('1003', { video: true });");
        assertThat(callerAnswer).contains("m=video");
        String calleeOffer = (String) js("return await window.bobAnswered;");
        assertThat(calleeOffer).contains("m=video").contains("VP8/90000");
        awaitFramesDecoded("alice", 30);
        Map<?, ?> bob = awaitFramesDecoded("bob", 30);

        // bob asks for a key frame of what he receives: the island sends a PLI to alice, who encodes one
        Map<?, ?> alice = video("alice", "main");
        long alicePlis = number(alice, "outbound", "pliCount");
        long aliceKeyFrames = number(alice, "outbound", "keyFramesEncoded");
        long bobKeyFrames = number(bob, "inbound", "keyFramesDecoded");
        js("return await peers.bob.modify('videoRefresh');");
        awaitVideo(
                "alice",
                "main",
                "a PLI from the island and a new key frame",
                v -> number(v, "outbound", "pliCount") > alicePlis
                        && number(v, "outbound", "keyFramesEncoded") > aliceKeyFrames);
        awaitVideo(
                "bob",
                "main",
                "the new key frame decoded",
                v -> number(v, "inbound", "keyFramesDecoded") > bobKeyFrames);
        // every PLI bob's browser sent on its own reaches alice's encoder (the island forwards them); the last one
        // may still be on its way through the gateway and the island when bob's count is read
        long bobSent = number(video("bob", "main"), "inbound", "pliCount");
        awaitVideo(
                "alice",
                "main",
                "every PLI bob's browser sent (" + bobSent + ") at alice's encoder",
                v -> number(v, "outbound", "pliCount") >= bobSent);
        js("return await peers.alice.bye();");
        GatewayFixture.await(() -> demo.gateway.media().stats().openRelays() == 0, "both relays released");
    }

    @Test
    void aScreenShareIsASecondSendOnlyCallFromTheSameSession() {
        openPage();
        js("return await startPeer('s', arguments[0], '1005@a.example');", wss());
        js("return await peers.s.invite('9196', { video: true });");
        awaitFramesDecoded("s", 10);
        String answer = (String) js("return await peers.s.screenShare('1000');");
        assertThat(answer).contains("m=video").contains("a=recvonly");
        Map<?, ?> screen = awaitVideo(
                "s",
                "screen",
                "screen frames encoded and sent",
                v -> number(v, "outbound", "framesEncoded") > 30 && number(v, "outbound", "packetsSent") > 30);
        assertThat(demo.gateway.media().stats().openRelays()).isEqualTo(2);
        assertThat(screen.get("state")).isEqualTo("connected");
        assertThat(screen.get("source"))
                .as("headless Chromium captures its fake screen")
                .isEqualTo("getDisplayMedia");
        js("return await peers.s.bye();");
    }

    @Test
    void aMaxBundleOfferGetsOneBundledTransportCarryingAudioAndVideo() {
        openPage();
        js("return await startPeer('m', arguments[0], '1006@a.example');", wss());
        String answer =
                (String) js("return await peers.m.invite('9196', { video: true, bundlePolicy: 'max-bundle' });");
        assertThat(answer).contains("a=group:BUNDLE 0 1").contains("a=ice-lite");
        Map<?, ?> s = awaitFramesDecoded("m", 30);
        assertThat(s.get("transports")).as("one transport for both m-lines").isEqualTo(1L);
        Map<?, ?> audio = (Map<?, ?>) js("return await peers.m.stats();");
        Await.until(
                "echoed audio on the bundled transport",
                WAIT,
                () -> ((Number) ((Map<?, ?>) js("return await peers.m.stats();")).get("packetsReceived")).longValue()
                        > 50,
                audio::toString);
        js("return await peers.m.bye();");
    }

    @Test
    void updateMediaAddsVideoToAnAudioCallMidCall() {
        openPage();
        js("return await startPeer('u', arguments[0], '1007@a.example');", wss());
        String first = (String) js("return await peers.u.invite('9196');");
        assertThat(first).doesNotContain("m=video");
        Await.until(
                "audio echoed before the update",
                WAIT,
                () -> ((Number) ((Map<?, ?>) js("return await peers.u.stats();")).get("packetsReceived")).longValue()
                        > 25);
        String answer = (String) js("return await peers.u.addVideo();");
        assertThat(answer).as("the re-answer, relayed").contains("m=video").contains("a=ice-lite");
        awaitFramesDecoded("u", 30);
        long audio = ((Number) ((Map<?, ?>) js("return await peers.u.stats();")).get("packetsReceived")).longValue();
        Await.until(
                "audio still echoed after the update",
                WAIT,
                () -> ((Number) ((Map<?, ?>) js("return await peers.u.stats();")).get("packetsReceived")).longValue()
                        > audio + 25);
        assertThat(demo.gateway.media().stats().openRelays()).isEqualTo(1);
        js("return await peers.u.bye();");
    }
}
