package org.vertogw.gateway.routing;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.vertogw.partition.IslandSelector;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.Route;

/**
 * The gateway's authoritative answer to "which island serves this user": the current partition map and the
 * health view, through the partitioner. Thread-safe; a new map is swapped in whole.
 */
public final class Router {

    private final AtomicReference<PartitionMap> map;
    private final HealthView health;
    private final CopyOnWriteArrayList<Consumer<PartitionMap>> listeners = new CopyOnWriteArrayList<>();

    public Router(PartitionMap initial, HealthView health) {
        this.map = new AtomicReference<>(initial);
        this.health = health;
    }

    public PartitionMap map() {
        return map.get();
    }

    /** Applies a new map; listeners (health probes) hear of it. */
    public void apply(PartitionMap next) {
        map.set(next);
        listeners.forEach(l -> l.accept(next));
    }

    public void onMapChange(Consumer<PartitionMap> listener) {
        listeners.add(listener);
    }

    /**
     * @throws IllegalArgumentException for an empty user or domain
     */
    public RoutingDecision route(String user, String domain) {
        PartitionMap m = map.get();
        Route r = IslandSelector.resolve(m, user, domain, health.down());
        return new RoutingDecision(
                r, r.serving() == null ? null : m.island(r.serving()).orElseThrow(), m.version());
    }
}
