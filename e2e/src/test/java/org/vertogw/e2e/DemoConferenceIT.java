package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.Dimension;
import org.vertogw.e2e.harness.DemoJar;
import org.vertogw.e2e.page.SoftphonePage;
import org.vertogw.testing.Chromium;

/**
 * Three demo pages of one domain in headless Chromium dial room 3000 through the demo jar (docs/protocol.md §5.5,
 * "Embedded island"): the SDK turns each call into a conference, and each page's conference panel lists the three
 * members with itself marked once; a chat message typed into one page's panel reaches the other two. Screenshots of
 * the three-member room at desktop and phone width go to {@code target/screenshots/}.
 */
@Tag("peers")
@EnabledIfSystemProperty(named = "media.peers", matches = "true")
class DemoConferenceIT {

    private static final String[] LOGINS = {"1000@a.example", "1001@a.example", "1002@a.example"};

    @Test
    void threePagesJoinRoom3000SeeEachOtherAndChat() throws Exception {
        Path shots = Files.createDirectories(Path.of(System.getProperty("e2e.screenshots", "target/screenshots")));
        List<Chromium> browsers = new ArrayList<>();
        try (DemoJar demo = DemoJar.start("demo-conference")) {
            String url = demo.url();
            List<SoftphonePage> pages = new ArrayList<>();
            for (String login : LOGINS) {
                Chromium browser = new Chromium();
                browsers.add(browser);
                SoftphonePage page = new SoftphonePage(browser).open(url);
                page.login(login, "1234");
                page.awaitReady();
                page.dial("3000");
                page.awaitCallState("active");
                pages.add(page);
            }
            for (int i = 0; i < pages.size(); i++) {
                SoftphonePage page = pages.get(i);
                List<String> roster = page.awaitConferenceMembers(3);
                assertThat(page.conferenceRoom()).startsWith("3000");
                assertThat(roster)
                        .as("page %s lists every member", LOGINS[i])
                        .anySatisfy(l -> assertThat(l).contains("1000"))
                        .anySatisfy(l -> assertThat(l).contains("1001"))
                        .anySatisfy(l -> assertThat(l).contains("1002"));
                String own = LOGINS[i].substring(0, 4);
                assertThat(roster.stream().filter(l -> l.contains("— you")))
                        .as("page %s marks itself once", LOGINS[i])
                        .singleElement()
                        .satisfies(l -> assertThat(l).contains(own));
            }

            pages.get(0).sendConferenceChat("hello room 3000");
            assertThat(pages.get(0).awaitConferenceChat("hello room 3000")).startsWith("You");
            for (SoftphonePage other : pages.subList(1, pages.size())) {
                assertThat(other.awaitConferenceChat("hello room 3000"))
                        .as("the others see who wrote it")
                        .doesNotStartWith("You")
                        .contains("1000");
            }

            SoftphonePage shown = pages.get(1);
            shown.showConference();
            shown.browser().screenshot(shots.resolve("demo-conference.png"));
            shown.browser().driver().manage().window().setSize(new Dimension(390, 844));
            shown.showConference();
            shown.browser().screenshot(shots.resolve("demo-conference-phone.png"));

            for (SoftphonePage page : pages) {
                page.hangup();
                page.awaitNoCall();
            }
        } finally {
            browsers.forEach(Chromium::close);
        }
    }
}
