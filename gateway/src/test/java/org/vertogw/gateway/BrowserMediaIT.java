package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertogw.testing.Chromium;

/**
 * Headless Chromium through the demo gateway and islands from a plain test page (no SDK, no demo page): ICE-lite
 * and DTLS-SRTP with the gateway, WebRTC between the gateway and the island, the island's echo and its bridge.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class BrowserMediaIT {

    static HttpServer page;
    static GatewayFixture demo;
    static Chromium chromium;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page.createContext("/", ex -> {
            try (InputStream in = BrowserMediaIT.class.getResourceAsStream("/peers/echo.html")) {
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

    @Test
    void chromiumCalls9196AndHearsItsOwnAudio() throws Exception {
        openPage();
        String wss = demo.gateway.wssUri().toString();
        assertThat(js("return await startPeer('a', arguments[0], '1000@a.example');", wss))
                .isEqualTo("ok");
        Object sdp = js("return await peers.a.invite('9196');");
        assertThat((String) sdp).contains("a=ice-lite").contains("a=fingerprint:sha-256");
        Map<?, ?> stats = awaitAudio("a");
        assertThat(stats.get("srtp")).isEqualTo("SRTP_AEAD_AES_128_GCM");
        assertThat(demo.gateway.media().stats().openRelays()).isEqualTo(1);
        js("return await peers.a.bye();");
        GatewayFixture.await(() -> demo.gateway.media().stats().openRelays() == 0, "relay released on bye");
    }

    @Test
    void twoChromiumPeersCallEachOtherWithAudioBothWays() throws Exception {
        openPage();
        String wss = demo.gateway.wssUri().toString();
        js(
                "await startPeer('alice', arguments[0], '1002@b.example'); await startPeer('bob', arguments[0], '1003@b.example'); return 'ok';",
                wss);
        js("window.bobAnswered = peers.bob.answerIncoming(); return 'ok';");
        Object callerSdp = js("return await peers.alice.invite('1003');");
        assertThat((String) callerSdp).contains("a=ice-lite");
        Object calleeOffer = js("return await window.bobAnswered;");
        assertThat((String) calleeOffer).contains("a=ice-lite").contains("a=setup:actpass");
        awaitAudio("alice");
        awaitAudio("bob");
        assertThat(demo.gateway.media().stats().openRelays()).isEqualTo(2);
        js("return await peers.alice.bye();");
        GatewayFixture.await(() -> demo.gateway.media().stats().openRelays() == 0, "both relays released");
    }

    private static Map<?, ?> awaitAudio(String peer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Object last = null;
        while (System.nanoTime() < deadline) {
            last = js("return await peers[arguments[0]].stats();", peer);
            if (last instanceof Map<?, ?> m
                    && ((Number) m.get("packetsReceived")).longValue() > 50
                    && ((Number) m.get("audioLevel")).doubleValue() > 0) {
                return m;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(peer + ": no audio received: " + last);
    }
}
