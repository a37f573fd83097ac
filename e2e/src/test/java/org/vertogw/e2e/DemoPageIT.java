package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.Dimension;
import org.vertogw.e2e.harness.DemoJar;
import org.vertogw.e2e.page.SoftphonePage;
import org.vertogw.testing.Chromium;

/**
 * The README's first command as a user meets it: the demo jar with no configuration, its page in headless
 * Chromium, a sign-in and a call to the echo test, with screenshots at desktop and phone width under
 * {@code target/e2e/}.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class DemoPageIT {

    @Test
    void theDemoPageSignsInAndCallsTheEchoTest() throws Exception {
        Path out = Files.createDirectories(Path.of(System.getProperty("e2e.out", "target/e2e")));
        try (DemoJar demo = DemoJar.start("demo");
                Chromium browser = new Chromium()) {
            String url = demo.url();
            SoftphonePage page = new SoftphonePage(browser).open(url);
            page.login("1000@a.example", "1234");
            assertThat(page.awaitReady()).isIn("fs-01", "fs-02");
            assertThat(page.gateway()).isEqualTo("gw-1");
            page.dial("9196");
            page.awaitCallState("active");
            page.awaitAudio();
            browser.screenshot(out.resolve("demo-page-call.png"));
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.screenshot(out.resolve("demo-page-call-phone.png"));
            page.hangup();
            page.awaitNoCall();
        }
    }
}
