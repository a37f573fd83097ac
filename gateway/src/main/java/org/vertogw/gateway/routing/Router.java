package org.vertogw.gateway.routing;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.partition.IslandSelector;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.Route;

/**
 * The gateway's authoritative answer to "which island serves this user": the current partition map and the
 * health view, through the partitioner. Thread-safe; a new map is swapped in whole.
 */
public final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final AtomicReference<PartitionMap> map;
    private final Placement placement;
    private final CopyOnWriteArrayList<Consumer<PartitionMap>> listeners = new CopyOnWriteArrayList<>();

    /** Routes by the partitioner and this gateway's own health view. */
    public Router(PartitionMap initial, HealthView health) {
        this(initial, (Placement) (m, user, domain) -> IslandSelector.resolve(m, user, domain, health.down()));
    }

    /** Routes by {@code placement} (a fleet's assignment). */
    public Router(PartitionMap initial, Placement placement) {
        this.map = new AtomicReference<>(initial);
        this.placement = placement;
    }

    public PartitionMap map() {
        return map.get();
    }

    /** Applies a validated map; each listener hears it, and one that throws neither stops the others nor undoes it. */
    public void apply(PartitionMap next) {
        map.set(next);
        for (Consumer<PartitionMap> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.error("applying partition map version {}: {}", next.version(), e.toString(), e);
            }
        }
    }

    public void onMapChange(Consumer<PartitionMap> listener) {
        listeners.add(listener);
    }

    /**
     * @throws IllegalArgumentException for an empty user or domain
     */
    public RoutingDecision route(String user, String domain) {
        PartitionMap m = map.get();
        Route r = placement.resolve(m, user, domain);
        return new RoutingDecision(
                r, r.serving() == null ? null : m.island(r.serving()).orElseThrow(), m.version());
    }
}
