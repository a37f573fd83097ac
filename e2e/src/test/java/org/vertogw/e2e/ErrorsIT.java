package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vertogw.e2e.harness.Cluster;
import org.vertogw.e2e.page.SoftphonePage;

/** Scenario 6: a wrong password, and every island down: the page says so clearly and nothing hangs. */
class ErrorsIT extends ClusterTestBase {

    @Test
    void aWrongPasswordIsShownAsSuch() throws Exception {
        SoftphonePage page = page(0).login("1005@a.example", "wrong");
        String error = page.awaitError();
        assertThat(error.toLowerCase()).contains("password");
        assertThat(page.state()).isNotEqualTo("ready");
    }

    @Test
    void withEveryIslandDownTheLoginFailsWithAClearMessage() throws Exception {
        for (String id : Cluster.ISLANDS) {
            cluster.island(id).kill();
        }
        try {
            SoftphonePage page = page(0);
            long start = System.nanoTime();
            page.login("1006@a.example", PASSWORD);
            SoftphonePage.awaitTrue(
                    "the reason on the page",
                    () -> page.errorText().contains("No island is available"),
                    Duration.ofSeconds(20));
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("no hang")
                    .isLessThan(Duration.ofSeconds(20).toMillis());
            assertThat(page.errorText()).containsPattern("Retrying \\(attempt \\d+\\)");
            for (String id : Cluster.ISLANDS) {
                cluster.restartIsland(id);
            }
            SoftphonePage.awaitTrue(
                    "logged in once islands are back", () -> "ready".equals(page.state()), Duration.ofSeconds(45));
        } finally {
            for (String id : Cluster.ISLANDS) {
                if (!cluster.island(id).alive()) {
                    cluster.restartIsland(id);
                }
            }
        }
    }
}
