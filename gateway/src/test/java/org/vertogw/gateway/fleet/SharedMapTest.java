package org.vertogw.gateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertogw.fleet.EtcdSettings;
import org.vertogw.fleet.EtcdStore;
import org.vertogw.gateway.routing.HealthView;
import org.vertogw.gateway.routing.Router;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandRole;
import org.vertogw.partition.PartitionBy;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapWriter;
import org.vertogw.testing.EtcdCluster;

/**
 * The map's compare-and-swap against a real etcd when this gateway's view is behind (its watch has not delivered
 * yet): a write that still grows past what etcd holds lands after one re-check, one that does not is refused.
 */
class SharedMapTest {

    private static EtcdCluster etcd;

    @BeforeAll
    static void cluster() throws Exception {
        assumeTrue(EtcdCluster.available(), "etcd-server is not installed (test.sh installs it)");
        etcd = EtcdCluster.start(3);
    }

    @AfterAll
    static void stop() throws Exception {
        if (etcd != null) {
            etcd.close();
        }
    }

    private static PartitionMap map(long version) throws Exception {
        return new PartitionMap(
                version,
                PartitionBy.DOMAIN,
                List.of(
                        new Island("fs-01", 1, IslandRole.ACTIVE, null, List.of()),
                        new Island("spare-1", 1, IslandRole.SPARE, null, List.of())),
                null,
                null);
    }

    private static String text(long version) throws Exception {
        return PartitionMapWriter.toText(map(version));
    }

    @Test
    void aStaleViewIsReCheckedOnceAndOnlyARealConflictIsRefused() throws Exception {
        FleetKeys keys = new FleetKeys("/shared-map-test");
        try (EtcdStore store = new EtcdStore(EtcdSettings.plain(etcd.endpoints()))) {
            Router router = new Router(map(1), (HealthView) Set::of);
            SharedMap shared = new SharedMap(store, keys, router, null);
            assertThat(shared.put(text(2), map(2), FailbackPolicy.DEFAULT).status())
                    .as("nothing read yet")
                    .isEqualTo(503);
            shared.seen(null);
            assertThat(shared.read()).isTrue();
            long seeded = store.get(keys.map()).orElseThrow().modRevision();

            // another gateway writes version 2; this one has not heard of it
            store.compareAndSwap(keys.map(), seeded, text(2), 0);
            FleetWrite three = shared.put(text(3), map(3), FailbackPolicy.DEFAULT);
            assertThat(three.status()).as(three.message()).isEqualTo(200);
            assertThat(router.map().version()).isEqualTo(3);

            // another gateway writes version 5; this one, still at 3, tries 4
            long now = store.get(keys.map()).orElseThrow().modRevision();
            store.compareAndSwap(keys.map(), now, text(5), 0);
            FleetWrite four = shared.put(text(4), map(4), FailbackPolicy.DEFAULT);
            assertThat(four.status()).isEqualTo(409);
            assertThat(four.message()).contains("version 4 does not grow past the fleet's version 5");
            assertThat(store.get(keys.map()).orElseThrow().value()).isEqualTo(text(5));
        }
    }

    /** The map file seeds a new fleet as written: its failback policy reaches every gateway that reads the key. */
    @Test
    void aMapFileSeedsTheFleetWithItsFailbackPolicy() throws Exception {
        FleetKeys keys = new FleetKeys("/shared-map-seed-test");
        String file = text(1).substring(0, text(1).length() - 1)
                + ",\"failback\":{\"policy\":\"manual\",\"homeUpForMs\":1500}}";
        try (EtcdStore store = new EtcdStore(EtcdSettings.plain(etcd.endpoints()))) {
            SharedMap first = new SharedMap(store, keys, new Router(map(1), (HealthView) Set::of), file);
            first.seen(null);
            assertThat(first.failback())
                    .isEqualTo(new FailbackPolicy(FailbackPolicy.Mode.MANUAL, Duration.ofMillis(1500)));
            SharedMap second = new SharedMap(store, keys, new Router(map(1), (HealthView) Set::of), null);
            second.seen(store.get(keys.map()).orElseThrow());
            assertThat(second.failback()).isEqualTo(first.failback());
        }
    }
}
