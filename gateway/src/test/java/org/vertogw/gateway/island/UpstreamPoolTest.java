package org.vertogw.gateway.island;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.vertogw.island.IslandConfig;
import org.vertogw.island.VertoIsland;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandRole;
import org.vertogw.partition.PartitionBy;
import org.vertogw.partition.PartitionMap;
import org.vertogw.testing.Await;

class UpstreamPoolTest {

    @Test
    void aTakenLinkIsAlreadyOpenAndThePoolRefillsAndSkipsDownIslands() throws Exception {
        try (VertoIsland island =
                        VertoIsland.start(IslandConfig.builder("fs-01").build());
                UpstreamConnector connector = new UpstreamConnector(false, null, 1_000_000, Duration.ofSeconds(2))) {
            AtomicBoolean down = new AtomicBoolean();
            UpstreamPool pool = new UpstreamPool(connector, 3, () -> down.get() ? Set.of("fs-01") : Set.of());
            pool.reconcile(new PartitionMap(
                    1,
                    PartitionBy.DOMAIN,
                    List.of(new Island(
                            "fs-01", 1, IslandRole.ACTIVE, island.uri().toString(), List.of())),
                    null,
                    null));
            pool.refill();
            Await.until("pool.warm('fs-01') == 3", Duration.ofSeconds(10), () -> pool.warm("fs-01") == 3);
            Await.until(
                    "island.connections().open() == 3",
                    Duration.ofSeconds(10),
                    () -> island.connections().open() == 3);

            AtomicBoolean opened = new AtomicBoolean();
            IslandLink link = pool.take("fs-01", island.uri(), new IslandLink.Handler() {
                @Override
                public void linkOpened(IslandLink l) {
                    opened.set(true);
                }

                @Override
                public void linkFailed(IslandLink l, Throwable cause) {}

                @Override
                public void linkText(IslandLink l, String text) {}

                @Override
                public void linkClosed(IslandLink l, int code, String reason) {}
            });
            assertThat(link.isOpen()).isTrue();
            assertThat(opened).as("the new owner hears linkOpened at once").isTrue();
            assertThat(pool.warm("fs-01"))
                    .as("not replaced before the login has gone up")
                    .isEqualTo(2);
            pool.replenish("fs-01", island.uri());
            Await.until("pool.warm('fs-01') == 3", Duration.ofSeconds(10), () -> pool.warm("fs-01") == 3);
            // the island counts a connection on its own thread, just after the gateway's side sees it open
            Await.until(
                    "taken link replaced: island.connections().open() == 4",
                    Duration.ofSeconds(10),
                    () -> island.connections().open() == 4);

            down.set(true);
            pool.refill();
            assertThat(pool.warm("fs-01")).isZero();
            link.close();
            pool.close();
            Await.until(
                    "island.connections().open() == 0",
                    Duration.ofSeconds(10),
                    () -> island.connections().open() == 0);
        }
    }
}
