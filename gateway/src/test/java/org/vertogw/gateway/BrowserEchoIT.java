package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium calls the echo extension through the demo gateway and island from a plain test page (no SDK):
 * ICE-lite and DTLS-SRTP with the gateway, WebRTC from the gateway to the island, echo on the island, and the
 * browser receives its own audio back.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class BrowserEchoIT {

    @Test
    void chromiumCalls9196ThroughGatewayAndIslandAndHearsItsOwnAudio(@TempDir Path dir) throws Exception {
        HttpServer page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page.createContext("/", ex -> {
            try (InputStream in = BrowserEchoIT.class.getResourceAsStream("/peers/echo.html")) {
                byte[] body = in.readAllBytes();
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        page.start();
        ChromeDriver driver = null;
        ChromeDriverService service = null;
        try (DemoCluster demo = DemoCluster.start("127.0.0.1", 0, dir, 0, "127.0.0.1")) {
            ChromeOptions o = new ChromeOptions();
            o.setBinary("/usr/bin/chromium");
            o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--ignore-certificate-errors",
                    "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
                    "--user-data-dir=" + Files.createTempDirectory("chromium"));
            service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            driver = new ChromeDriver(service, o);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
            driver.get("http://localhost:" + page.getAddress().getPort() + "/");
            JavascriptExecutor js = driver;
            Object answer = js.executeAsyncScript("const cb = arguments[arguments.length - 1];"
                    + "vertoEcho(arguments[0], '1000@a.example', '9196').then(cb, e => cb('ERR ' + e));", demo.gateway().wssUri().toString());
            assertThat(answer).as("the call set up").isInstanceOf(Map.class);
            assertThat((String) ((Map<?, ?>) answer).get("answerSdp")).contains("a=ice-lite");
            Map<?, ?> stats = awaitAudio(js);
            assertThat(((Number) stats.get("packetsReceived")).longValue()).isGreaterThan(50);
            assertThat(((Number) stats.get("audioLevel")).doubleValue()).isGreaterThan(0);
            assertThat(stats.get("srtp")).isEqualTo("SRTP_AEAD_AES_128_GCM");
            assertThat(demo.gateway().media().stats().openRelays()).isEqualTo(1);
            js.executeAsyncScript("const cb = arguments[arguments.length - 1]; hangup().then(cb, e => cb('ERR ' + e));");
            GatewayFixture.await(() -> demo.gateway().media().stats().openRelays() == 0, "relay released on bye");
        } finally {
            if (driver != null) {
                driver.quit();
            }
            if (service != null) {
                service.stop();
            }
            page.stop(0);
        }
    }

    private static Map<?, ?> awaitAudio(JavascriptExecutor js) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<?, ?> last = null;
        while (System.nanoTime() < deadline) {
            last = (Map<?, ?>) js.executeAsyncScript("const cb = arguments[arguments.length - 1]; inboundAudio().then(cb, e => cb({err: '' + e}));");
            if (((Number) last.get("packetsReceived")).longValue() > 50 && ((Number) last.get("audioLevel")).doubleValue() > 0) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no echoed audio: " + last);
    }
}
