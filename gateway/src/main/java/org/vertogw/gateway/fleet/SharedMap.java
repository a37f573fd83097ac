package org.vertogw.gateway.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.fleet.FleetStore;
import org.vertogw.fleet.StoreException;
import org.vertogw.gateway.routing.Router;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapException;
import org.vertogw.partition.PartitionMapParser;
import org.vertogw.partition.PartitionMapWriter;

/**
 * The partition map as one versioned key of the fleet: every gateway applies what the key holds (through its
 * watch), and a new map is written by compare-and-swap on the key's revision, so of two operators changing it at
 * once one wins and the other is told. The first gateway of a new fleet seeds the key with its own map.
 */
final class SharedMap {

    private static final Logger LOG = LoggerFactory.getLogger(SharedMap.class);

    private final FleetStore store;
    private final FleetKeys keys;
    private final Router router;
    private long appliedRevision = -1;
    private long storedRevision = -1;
    private long storedVersion = -1;
    private FailbackPolicy failback = FailbackPolicy.DEFAULT;

    private final String seed;

    /** @param seed the text that seeds a new fleet's key (the map file, with its failback); null: the map's form */
    SharedMap(FleetStore store, FleetKeys keys, Router router, String seed) {
        this.seed = seed;
        this.store = store;
        this.keys = keys;
        this.router = router;
    }

    /** The map key as the mirror read it (null: absent, and this gateway seeds it). */
    synchronized void seen(FleetStore.Entry entry) {
        if (entry == null) {
            seed();
            return;
        }
        storedRevision = entry.modRevision();
        if (entry.modRevision() <= appliedRevision) {
            return;
        }
        try {
            JsonNode tree = FleetState.JSON.readTree(entry.value());
            PartitionMap next = PartitionMapParser.parse(tree);
            FailbackPolicy policy = FailbackPolicy.of(tree);
            storedVersion = next.version();
            appliedRevision = entry.modRevision();
            failback = policy;
            if (next.version() != router.map().version() || !sameMap(next)) {
                router.apply(next);
                LOG.info("applied the fleet's partition map version {}", next.version());
            }
        } catch (IOException | PartitionMapException | IllegalArgumentException e) {
            LOG.error(
                    "the fleet's partition map (revision {}) is invalid, keeping version {}: {}",
                    entry.modRevision(),
                    router.map().version(),
                    e.getMessage());
        }
    }

    private boolean sameMap(PartitionMap next) {
        return PartitionMapWriter.toText(next).equals(PartitionMapWriter.toText(router.map()));
    }

    private void seed() {
        PartitionMap own = router.map();
        try {
            String text = seed != null ? seed : PartitionMapWriter.toText(own);
            long rev = store.compareAndSwap(keys.map(), 0, text, 0);
            if (rev > 0) {
                failback = seed != null ? FailbackPolicy.of(FleetState.JSON.readTree(seed)) : FailbackPolicy.DEFAULT;
                LOG.info("seeded the fleet's partition map with version {}", own.version());
                storedRevision = rev;
                storedVersion = own.version();
                appliedRevision = rev;
            }
        } catch (StoreException | IOException e) {
            LOG.warn("seeding the fleet's partition map failed: {}", e.getMessage());
        }
    }

    /** Whether this gateway has read the fleet's map (a {@code PUT} before that is refused). */
    synchronized boolean read() {
        return storedRevision > 0;
    }

    synchronized FailbackPolicy failback() {
        return failback;
    }

    /**
     * Writes {@code next} (whose text is {@code body}, validated) if its version grows past the fleet's. A swap
     * that fails because this gateway's view was behind re-reads the key once and tries against what it holds.
     */
    synchronized FleetWrite put(String body, PartitionMap next, FailbackPolicy policy) {
        if (storedRevision <= 0) {
            return new FleetWrite(503, "not read yet: this gateway has not read the fleet's partition map");
        }
        try {
            long expected = storedRevision;
            long current = storedVersion;
            for (int attempt = 0; attempt < 2; attempt++) {
                if (next.version() <= current) {
                    return stale(next.version(), current);
                }
                long rev = store.compareAndSwap(keys.map(), expected, body, 0);
                if (rev > 0) {
                    storedRevision = rev;
                    storedVersion = next.version();
                    appliedRevision = rev;
                    failback = policy;
                    router.apply(next);
                    LOG.info("partition map version {} written for the fleet", next.version());
                    return new FleetWrite(200, "version " + next.version());
                }
                Optional<FleetStore.Entry> now = store.get(keys.map());
                expected = now.map(FleetStore.Entry::modRevision).orElse(0L);
                current = now.map(SharedMap::version).orElse(-1L);
            }
            return new FleetWrite(409, "the fleet's partition map changed meanwhile: read it again and retry");
        } catch (StoreException e) {
            return new FleetWrite(
                    503,
                    "etcd did not answer (" + e.getMessage() + "): GET the map to see whether version " + next.version()
                            + " landed before writing again");
        }
    }

    private static FleetWrite stale(long version, long current) {
        return new FleetWrite(409, "stale: version " + version + " does not grow past the fleet's version " + current);
    }

    private static long version(FleetStore.Entry e) {
        try {
            return PartitionMapParser.parse(e.value()).version();
        } catch (PartitionMapException ex) {
            return -1;
        }
    }
}
