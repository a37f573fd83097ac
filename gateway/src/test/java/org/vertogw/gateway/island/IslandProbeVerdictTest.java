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

/**
 * The fast verdict on a dead island: a probe connection that drops under a steadily answering island, followed by
 * a reconnect the port refuses, marks the island down at once, without the {@code downAfter} ticks. The probes are
 * ticked by the test, so nothing but the drop and the reconnect can produce the verdict. A real island on loopback.
 */
class IslandProbeVerdictTest {

    /** Three misses to be judged down, as by default; the ticks are the test's own. */
    private static final HealthSettings SETTINGS =
            new HealthSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 2);

    private final List<IslandState> changes = new CopyOnWriteArrayList<>();
    private UpstreamConnector connector;
    private VertoIsland island;
    private IslandProbe probe;

    @BeforeEach
    void start() throws Exception {
        connector = new UpstreamConnector(false, null, 1_000_000, Duration.ofSeconds(2));
        island = VertoIsland.start(IslandConfig.builder("fs-01").build());
        probe = new IslandProbe("fs-01", island.uri(), connector, SETTINGS, (p, s) -> changes.add(s));
    }

    @AfterEach
    void stop() throws Exception {
        probe.close();
        island.close();
        connector.close();
    }

    @Test
    void aSteadyIslandWhoseConnectionDropsAndPortRefusesIsDownAtOnce() throws Exception {
        answer(3);
        island.close();
        Await.until("down without a tick", Await.DEFAULT, () -> probe.state() == IslandState.DOWN, probe::lastFailure);
        assertThat(changes).containsExactly(IslandState.UP, IslandState.DOWN);
        assertThat(probe.lastFailure()).contains("Connect");
    }

    @Test
    void anIslandJustUpIsJudgedByTheCountOnly() throws Exception {
        answer(1);
        island.close();
        Await.until("the drop seen", () -> probe.lastFailure().startsWith("connection closed"));
        assertThat(probe.state()).as("one drop is one miss").isEqualTo(IslandState.UP);
        probe.tick();
        Await.until("the refused connect counted", () -> probe.lastFailure().contains("Connect"));
        assertThat(probe.state()).isEqualTo(IslandState.UP);
        probe.tick();
        Await.until("down after the third miss", () -> probe.state() == IslandState.DOWN);
        assertThat(changes).containsExactly(IslandState.UP, IslandState.DOWN);
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

    /** Ticks until the island has answered {@code n} probes in a row. */
    private void answer(int n) {
        for (int i = 1; i <= n; i++) {
            probe.tick();
            int want = i;
            Await.until("probe " + i + " answered", () -> probe.successes() >= want);
        }
    }
}
