package org.vertogw.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapFileWatcherTest {

    private static final String V1 = "{\"version\":1,\"islands\":[{\"id\":\"fs-01\"},{\"id\":\"fs-02\"}]}";
    private static final String V2 =
            "{\"version\":2,\"islands\":[{\"id\":\"fs-01\"},{\"id\":\"fs-02\"}],\"pins\":{\"a.example\":\"fs-02\"}}";

    @Test
    void aChangedFileIsAppliedWithoutARestartAndABadOneKeepsTheOldMap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("map.json");
        Files.writeString(file, V1);
        Router router = new Router(MapFileWatcher.load(file), (HealthView) Set::of);
        MapFileWatcher w = new MapFileWatcher(file, router);
        w.check();

        write(file, "{\"version\":3,\"islands\":[{\"id\":\"fs-01\",\"weight\":99}]}", 1);
        w.check();
        assertThat(router.map().version()).isEqualTo(1);
        assertThat(w.lastError()).contains("islands[0].weight");

        write(file, V2, 2);
        w.check();
        assertThat(router.map().version()).isEqualTo(2);
        assertThat(router.route("1000", "A.example").serving().id()).isEqualTo("fs-02");
        assertThat(w.lastError()).isNull();

        write(file, V1, 3);
        w.check();
        assertThat(router.map().version())
                .as("a version that does not grow is refused")
                .isEqualTo(2);
        assertThat(w.lastError()).contains("does not grow");
    }

    @Test
    void anExceptionWhileApplyingAMapNeitherStopsTheWatcherNorTheOtherListeners(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("map.json");
        Files.writeString(file, V1);
        Router router = new Router(MapFileWatcher.load(file), (HealthView) Set::of);
        java.util.List<Long> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        router.onMapChange(m -> {
            throw new IllegalStateException("a listener that fails");
        });
        router.onMapChange(m -> heard.add(m.version()));
        java.util.concurrent.ScheduledExecutorService scheduler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try (MapFileWatcher w = new MapFileWatcher(file, router)) {
            w.start(scheduler, 20);
            write(file, V2, 1);
            org.vertogw.testing.Await.until("version 2", () -> router.map().version() == 2);
            write(file, V2.replace("\"version\":2", "\"version\":3"), 2);
            org.vertogw.testing.Await.until(
                    "version 3 after the failing listener", () -> router.map().version() == 3);
            assertThat(heard).containsExactly(2L, 3L);
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** Writes and moves the modification time forward, so the change is seen on coarse-grained file systems. */
    private static void write(Path file, String content, int step) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(step)));
    }
}
