package org.vertogw.gateway.island;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.HealthSettings;
import org.vertogw.island.IslandConfig;
import org.vertogw.island.VertoIsland;
import org.vertogw.testing.Await;

/** An island's state as its probe gives it, read while a verdict is delivered. A real island on loopback. */
class IslandProbeStateTest {

    /** The defaults; the ticks are the test's own. */
    private static final HealthSettings SETTINGS =
            new HealthSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 2);

    private UpstreamConnector connector;
    private VertoIsland island;

    @BeforeEach
    void start() throws Exception {
        connector = new UpstreamConnector(false, null, 1_000_000, Duration.ofSeconds(2));
        island = VertoIsland.start(IslandConfig.builder("fs-01").build());
    }

    @AfterEach
    void stop() throws Exception {
        island.close();
        connector.close();
    }

    /**
     * The loss pacer reads an island's state under its own lock while a verdict, delivered under the probe's lock,
     * waits for the pacer's: reading the state must not need the probe's lock, or the two deadlock.
     */
    @Test
    void theStateIsReadableFromAnotherThreadWhileAVerdictIsDelivered() throws Exception {
        List<IslandState> seen = new CopyOnWriteArrayList<>();
        IslandProbe watched = new IslandProbe("fs-01", island.uri(), connector, SETTINGS, (p, s) -> {
            Thread reader = new Thread(() -> seen.add(p.state()));
            reader.start();
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (reader.isAlive()) {
                seen.add(null); // the reader is blocked on the probe
            }
        });
        try {
            watched.tick();
            Await.until("the verdict delivered", () -> !seen.isEmpty());
            assertThat(seen).containsExactly(IslandState.UP);
        } finally {
            watched.close();
        }
    }

    /**
     * A crash under an up island is confirmed without waiting for ticks: the dropped connection is one miss, and the
     * connects that follow at once and at a quarter interval, refused, are the others. No tick runs after the first
     * here, so a probe that waited for its ticks would stay up for good.
     */
    @Test
    void aDroppedConnectionToACrashedIslandIsConfirmedDownWithoutWaitingForTicks() throws Exception {
        List<IslandState> changes = new CopyOnWriteArrayList<>();
        IslandProbe probe = new IslandProbe("fs-01", island.uri(), connector, SETTINGS, (p, s) -> changes.add(s));
        try {
            probe.tick();
            Await.until("up", () -> probe.state() == IslandState.UP);
            island.close();
            Await.until(
                    "down by the confirming connects", Duration.ofSeconds(10), () -> probe.state() == IslandState.DOWN);
            assertThat(changes).containsExactly(IslandState.UP, IslandState.DOWN);
            assertThat(probe.failures()).as("refused connects").isGreaterThanOrEqualTo(2);
        } finally {
            probe.close();
        }
    }
}
