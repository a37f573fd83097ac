package org.vertogw.gateway.island;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertogw.gateway.config.HealthSettings;
import org.vertogw.island.IslandConfig;
import org.vertogw.island.VertoIsland;
import org.vertogw.testing.Await;

/**
 * A probe whose island is gone keeps failing quietly: Jetty's errors reach the probe's own handler (no "Unhandled
 * Error" WARN per attempt, the soak saw about 200 per gateway in 30 minutes) and end in the island's verdict. The
 * log is captured where slf4j-simple writes it, {@code System.err}.
 */
class IslandProbeErrorsTest {

    private static final HealthSettings SETTINGS =
            new HealthSettings(Duration.ofMillis(100), Duration.ofMillis(500), 2, 1);

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final List<IslandState> changes = new CopyOnWriteArrayList<>();
    private PrintStream original;
    private ScheduledExecutorService ticker;
    private UpstreamConnector connector;

    @BeforeEach
    void capture() throws Exception {
        original = System.err;
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        ticker = Executors.newSingleThreadScheduledExecutor();
        connector = new UpstreamConnector(false, null, 1_000_000, Duration.ofSeconds(2));
    }

    @AfterEach
    void restore() throws Exception {
        ticker.shutdownNow();
        connector.close();
        System.setErr(original);
    }

    @Test
    void aProbeOfAClosedPortReportsDownWithoutUnhandledErrors() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        IslandProbe probe = probe(URI.create("ws://127.0.0.1:" + port + "/"));
        Await.until("down", () -> probe.state() == IslandState.DOWN);
        Await.until("ten failed attempts", () -> probe.failures() >= 10);
        assertThat(probe.lastFailure()).contains("Connect");
        assertThat(changes).containsExactly(IslandState.DOWN);
        assertThat(log()).doesNotContain("Unhandled Error");
        probe.close();
    }

    @Test
    void anIslandThatDiesUnderAnOpenProbeIsDownWithoutUnhandledErrors() throws Exception {
        VertoIsland island = VertoIsland.start(IslandConfig.builder("fs-01").build());
        IslandProbe probe = probe(island.uri());
        try {
            Await.until("up", () -> probe.state() == IslandState.UP);
            island.close();
            Await.until("down", () -> probe.state() == IslandState.DOWN);
            long seen = probe.failures();
            Await.until("ten more failed attempts", () -> probe.failures() >= seen + 10);
            assertThat(changes).containsExactly(IslandState.UP, IslandState.DOWN);
            assertThat(log()).doesNotContain("Unhandled Error");
        } finally {
            probe.close();
            island.close();
        }
    }

    private IslandProbe probe(URI uri) {
        IslandProbe probe = new IslandProbe("fs-01", uri, connector, SETTINGS, (p, s) -> changes.add(s));
        long period = SETTINGS.interval().toMillis();
        ticker.scheduleAtFixedRate(probe::tick, 0, period, TimeUnit.MILLISECONDS);
        return probe;
    }

    private String log() {
        System.err.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Writes to both streams: the build's log keeps its lines. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
