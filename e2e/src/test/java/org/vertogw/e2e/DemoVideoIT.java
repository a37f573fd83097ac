package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.Dimension;
import org.vertogw.e2e.harness.DemoJar;
import org.vertogw.e2e.page.SoftphonePage;
import org.vertogw.testing.Chromium;

/**
 * A video call from the demo page to the echo test through the demo jar, in headless Chromium with its fake camera:
 * the page offers audio then video, the call is answered and carries audio, the local preview shows the camera, and
 * the camera button turns it off (preview hidden, nothing sent) and on again without a renegotiation. Screenshots at
 * desktop and phone width go to {@code target/screenshots/}. What the island answers for the video section is
 * recorded in the test's output: the picture coming back depends on the gateway relaying video.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class DemoVideoIT {

    @Test
    void aVideoCallShowsTheCameraAndTurnsItOffAndOn() throws Exception {
        Path shots = Files.createDirectories(Path.of(System.getProperty("e2e.screenshots", "target/screenshots")));
        try (DemoJar demo = DemoJar.start("demo-video");
                Chromium browser = new Chromium()) {
            String url = demo.url();
            SoftphonePage page = new SoftphonePage(browser).open(url).recordPeerConnections();
            page.login("1000@a.example", "1234");
            page.awaitReady();
            page.videoDial("9196");
            page.awaitCallState("active");
            page.awaitAudio();
            page.awaitLocalPreview();
            assertThat(page.cameraOn()).isTrue();
            List<?> lines = page.remoteMediaLines();
            assertThat(lines).isNotEmpty();
            assertThat(String.valueOf(lines.get(0))).startsWith("audio ");
            System.getLogger(DemoVideoIT.class.getName())
                    .log(System.Logger.Level.INFO, "the island's answer to a video offer: m=" + lines);
            browser.screenshot(shots.resolve("demo-video-call.png"));
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.screenshot(shots.resolve("demo-video-call-phone.png"));

            page.toggleCamera();
            page.awaitCamera(false);
            assertThat(page.localPreviewHidden()).isTrue();
            page.toggleCamera();
            page.awaitCamera(true);
            page.awaitLocalPreview();
            assertThat(page.callState()).isEqualTo("active");
            page.hangup();
            page.awaitNoCall();
        }
    }
}
