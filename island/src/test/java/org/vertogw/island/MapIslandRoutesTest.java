package org.vertogw.island;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertogw.partition.PartitionMapException;

/** Routes from a map file: the home island with its verto URL, a changed file applied, a bad one not. */
class MapIslandRoutesTest {

    private static final String PINNED =
            "{\"version\":%d,\"islands\":[{\"id\":\"fs-01\",\"verto\":\"ws://10.0.0.1:8082/\"},"
                    + "{\"id\":\"fs-02\",\"verto\":\"ws://10.0.0.2:8082/\"}],\"pins\":{\"a.example\":\"%s\"}}";

    private static void write(Path f, String text, int second) throws Exception {
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, FileTime.from(Instant.ofEpochSecond(1_700_000_000L + second)));
    }

    @Test
    void theFileIsReadAgainWhenItChangesAndABadOneKeepsTheMapInUse(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("map.json");
        write(f, PINNED.formatted(1, "fs-01"), 0);
        MapIslandRoutes routes = new MapIslandRoutes(f);
        assertThat(routes.lookup("1000", "a.example").get()).isEqualTo(new IslandRoute("fs-01", "ws://10.0.0.1:8082/"));
        write(f, PINNED.formatted(2, "fs-02"), 1);
        assertThat(routes.lookup("1000", "a.example").get().island()).isEqualTo("fs-02");
        write(f, "{\"islands\":[]}", 2);
        assertThat(routes.lookup("1000", "a.example").get().island()).isEqualTo("fs-02");
    }

    @Test
    void aBadFileFailsAtStartNamingTheField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("map.json");
        write(f, "{\"islands\":[{\"id\":\"a\",\"verto\":\"http://x\"}]}", 0);
        assertThatThrownBy(() -> new MapIslandRoutes(f))
                .isInstanceOfSatisfying(
                        PartitionMapException.class, e -> assertThat(e.field()).isEqualTo("islands[0].verto"));
    }
}
