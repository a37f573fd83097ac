package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertogw.gateway.config.Mode;
import org.vertogw.gateway.config.TlsSettings;
import org.vertogw.gateway.tls.PemKeyStore;
import org.vertogw.testing.Await;
import org.vertogw.testing.Chromium;
import org.vertogw.testing.EtcdCluster;
import org.vertogw.testing.InsecureHttp;

/**
 * The operator console in headless Chromium against a production gateway with an admin token and real islands: a
 * wrong token refused with a message, then the islands, partitions, gateway and map version; a drain made through
 * the API reaching the open page over server-sent events without a reload; the map editor refusing an invalid map
 * with the server's own error, saving a valid one and offering a reload after a stale save; the drain button
 * draining; a dead island's partition shown as a spare's takeover; and in a fleet on a real etcd, a partition
 * moved to the spare and back with the console's buttons. Screenshots go to
 * {@code target/screenshots/}; every step asserts on the page's DOM.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class ConsolePageIT {

    private static final String TOKEN = "console-page-admin-token-42";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of("target", "screenshots");

    static GatewayFixture fx;
    static Chromium chromium;
    static ChromeDriver driver;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("console-page");
        PemKeyStore.selfSignedIn(dir);
        TlsSettings tls = new TlsSettings(dir.resolve("tls/edge-cert.pem"), dir.resolve("tls/edge-key.pem"));
        fx = new GatewayFixture(b -> b.mode(Mode.PRODUCTION).tls(tls).adminToken(TOKEN));
        base = URI.create("https://localhost:" + fx.gateway.port() + "/");
        chromium = new Chromium();
        driver = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /**
     * Clicks the button {@code css} once it shows {@code label} (any label when null). The console re-renders its
     * tables on every event, so a button found may be replaced before it is read or clicked: look it up again then.
     */
    private static void click(String css, String label) {
        Await.until(
                "a button " + css + (label == null ? "" : " labelled " + label) + " clicked",
                WAIT,
                () -> {
                    try {
                        WebElement b = driver.findElement(By.cssSelector(css));
                        if (label != null && !label.equals(b.getText())) {
                            return false;
                        }
                        b.click();
                        return true;
                    } catch (NoSuchElementException | StaleElementReferenceException e) {
                        return false;
                    }
                },
                () -> text("partitions") + " / " + text("gateways"));
    }

    private static void awaitText(String id, String contains) {
        Await.until(
                "#" + id + " contains " + contains,
                WAIT,
                () -> text(id).contains(contains),
                () -> "#" + id + ": " + text(id));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return InsecureHttp.client()
                .send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void signIn(String token) {
        WebElement field = driver.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        driver.findElement(By.id("login-button")).click();
    }

    @Test
    void anOperatorSignsInWatchesLiveChangesEditsTheMapAndDrains() throws Exception {
        driver.get(base.resolve("/admin/").toString());
        signIn("not-the-token");
        awaitText("login-error", "The admin token was refused");
        assertThat(driver.findElement(By.id("console")).isDisplayed()).isFalse();
        assertThat(js("return sessionStorage.getItem('vertoAdminToken')")).isNull();
        chromium.screenshot(SHOTS.resolve("console-wrong-token.png"));

        signIn(TOKEN);
        awaitText("self", "gw-1");
        awaitText("live", "live");
        assertThat(text("mode")).isEqualTo("single gateway");
        assertThat(text("map-version")).isEqualTo("1");
        assertThat(text("health")).isEqualTo("serving");
        String islands = text("islands");
        assertThat(islands)
                .contains("fs-01")
                .contains("fs-02")
                .contains("spare-1")
                .contains("spare");
        assertThat(driver.findElements(By.cssSelector("#islands tr[data-island='fs-01'] td.verdict.up")))
                .hasSize(1);
        assertThat(text("partitions")).contains("fs-01").contains("fs-02");
        assertThat(text("gateways")).contains("(this one)");
        Await.until(
                "the map loaded into the editor",
                WAIT,
                () -> String.valueOf(js("return document.getElementById('map-text').value"))
                        .contains("\"version\": 1"));
        chromium.screenshot(SHOTS.resolve("console-signed-in.png"));

        // a drain through the API reaches the page over the event stream, without a reload
        js("window.notReloaded = true");
        assertThat(post("/v1/admin/drain").statusCode()).isEqualTo(200);
        awaitText("health", "draining");
        assertThat(js("return window.notReloaded")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("#gateways button.undrain")))
                .hasSize(1);
        chromium.screenshot(SHOTS.resolve("console-drained-live.png"));
        assertThat(post("/v1/admin/undrain").statusCode()).isEqualTo(200);
        awaitText("health", "serving");

        // the editor refuses an invalid map with the server's error and leaves the map in use alone
        ObjectMapper json = new ObjectMapper();
        ObjectNode map = (ObjectNode) json.readTree((String) js("return document.getElementById('map-text').value"));
        ObjectNode invalid = map.deepCopy();
        invalid.put("version", 2);
        ((ObjectNode) invalid.withArray("islands").get(0)).put("weight", 0);
        setMap(invalid.toPrettyString());
        driver.findElement(By.id("map-save")).click();
        awaitText("map-status", "Refused 400");
        assertThat(text("map-status")).contains("islands[0].weight");
        assertThat(fx.gateway.router().map().version()).isEqualTo(1);
        chromium.screenshot(SHOTS.resolve("console-map-refused.png"));

        // a valid one is saved, and the new version reaches the header through the stream
        ObjectNode valid = map.deepCopy();
        valid.put("version", 2);
        setMap(valid.toPrettyString());
        driver.findElement(By.id("map-save")).click();
        awaitText("map-status", "Saved: version 2");
        assertThat(fx.gateway.router().map().version()).isEqualTo(2);
        awaitText("map-version", "2");

        // saving the same version again is stale: the page says so and offers the current map
        driver.findElement(By.id("map-save")).click();
        awaitText("map-status", "Refused 409");
        assertThat(text("map-status")).contains("stale");
        assertThat(driver.findElement(By.id("map-reload")).isDisplayed()).isTrue();
        chromium.screenshot(SHOTS.resolve("console-map-stale.png"));
        driver.findElement(By.id("map-reload")).click();
        awaitText("map-status", "Map version 2 loaded");
        assertThat(driver.findElement(By.id("map-reload")).isDisplayed()).isFalse();

        // the drain button drains this gateway, and its undrain button serves again
        click("#gateways button.drain", null);
        Await.until("gateway draining", WAIT, () -> fx.gateway.edge().draining());
        awaitText("health", "draining");
        awaitText("action-status", "draining");
        click("#gateways button.undrain", null);
        Await.until("gateway serving", WAIT, () -> !fx.gateway.edge().draining());
        awaitText("health", "serving");

        // an island that dies: its partition is shown served by the spare
        fx.kill("fs-01");
        Await.until(
                "the takeover shown",
                WAIT,
                () -> !driver.findElements(By.cssSelector("#partitions tr[data-partition='fs-01'] td.takeover"))
                        .isEmpty(),
                () -> text("partitions"));
        assertThat(text("partitions")).contains("spare spare-1 serves fs-01");
        awaitText("islands", "down");
        chromium.screenshot(SHOTS.resolve("console-takeover.png"));
    }

    @Test
    void inAFleetAPartitionIsMovedToASpareAndBackFromTheConsole() throws Exception {
        assumeTrue(EtcdCluster.available(), "etcd-server is not installed (test.sh installs it)");
        try (EtcdCluster etcd = EtcdCluster.start(1);
                FleetFixture fleet = new FleetFixture(etcd)) {
            VertoGateway gw = fleet.start("gw-a");
            Await.until(
                    "gw-a joined",
                    WAIT,
                    () -> !gw.fleet().degraded() && gw.fleet().state().members().size() == 1);
            // with failback "manual" the partition stays where the operator puts it
            assertThat(fleet.put(
                                    "gw-a",
                                    "/v1/admin/partition-map",
                                    fleet.mapText(2, "\"failback\":{\"policy\":\"manual\"}"))
                            .statusCode())
                    .isEqualTo(200);
            driver.get(gw.httpsUri().resolve("/admin/").toString());
            signIn(FleetFixture.TOKEN);
            awaitText("live", "live");
            awaitText("map-version", "2");
            assertThat(text("mode")).startsWith("fleet");
            assertThat(text("gateways")).contains("gw-a (this one)");
            String fs01 = "#partitions tr[data-partition='fs-01']";
            click(fs01 + " button.move", "Move to spare-1");
            Await.until(
                    "the takeover shown",
                    WAIT,
                    () -> !driver.findElements(By.cssSelector(fs01 + " td.takeover"))
                            .isEmpty(),
                    () -> text("partitions"));
            assertThat(gw.fleet().state().assignment().of("fs-01").island()).isEqualTo("spare-1");
            assertThat(text("action-status")).startsWith("Moved");
            chromium.screenshot(SHOTS.resolve("console-fleet-moved.png"));
            click(fs01 + " button.move", "Move home");
            Await.until(
                    "the partition home again",
                    WAIT,
                    () -> "fs-01"
                                    .equals(gw.fleet()
                                            .state()
                                            .assignment()
                                            .of("fs-01")
                                            .island())
                            && driver.findElements(By.cssSelector(fs01 + " td.takeover"))
                                    .isEmpty(),
                    () -> text("partitions"));
            assertThat(driver.findElement(By.cssSelector(fs01 + " button.move")).getText())
                    .isEqualTo("Move to spare-1");
        }
    }

    private static void setMap(String text) {
        js("document.getElementById('map-text').value = arguments[0]", text);
    }
}
