package org.vertogw.gateway.island;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.gateway.config.HealthSettings;
import org.vertogw.gateway.observe.LogSafe;
import org.vertogw.gateway.routing.HealthView;
import org.vertogw.partition.Island;
import org.vertogw.partition.PartitionMap;

/** The gateway's health view of every island in the map: one {@link IslandProbe} each, ticked on a schedule. */
public final class IslandHealth implements HealthView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IslandHealth.class);

    private final UpstreamConnector connector;
    private final HealthSettings settings;
    private final Map<String, IslandProbe> probes = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<BiConsumer<String, IslandState>> listeners = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> task;

    public IslandHealth(UpstreamConnector connector, HealthSettings settings) {
        this.connector = connector;
        this.settings = settings;
    }

    public void start(ScheduledExecutorService scheduler) {
        long period = settings.interval().toMillis();
        task = scheduler.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.MILLISECONDS);
    }

    /** Probes exactly the islands of {@code map}: new ones start unknown, removed ones stop. */
    public synchronized void reconcile(PartitionMap map) {
        Map<String, URI> wanted = new LinkedHashMap<>();
        for (Island i : map.islands()) {
            if (i.verto() != null) {
                wanted.put(i.id(), URI.create(i.verto()));
            }
        }
        probes.entrySet().removeIf(e -> {
            URI u = wanted.get(e.getKey());
            if (u == null || !u.equals(e.getValue().uri())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
        wanted.forEach((id, uri) ->
                probes.computeIfAbsent(id, k -> new IslandProbe(k, uri, connector, settings, this::changed)));
    }

    private void tick() {
        for (IslandProbe p : probes.values()) {
            try {
                p.tick();
            } catch (RuntimeException e) {
                LOG.warn("probe of {} failed", p.islandId(), e);
            }
        }
    }

    private void changed(IslandProbe probe, IslandState state) {
        if (state == IslandState.DOWN) {
            LOG.warn(
                    "island {} is down ({} probes missed; last failure: {})",
                    probe.islandId(),
                    settings.downAfter(),
                    LogSafe.text(probe.lastFailure()));
        } else {
            LOG.info("island {} is up", probe.islandId());
        }
        listeners.forEach(l -> l.accept(probe.islandId(), state));
    }

    public void onChange(BiConsumer<String, IslandState> listener) {
        listeners.add(listener);
    }

    @Override
    public Set<String> down() {
        return probes.values().stream()
                .filter(p -> p.state() == IslandState.DOWN)
                .map(IslandProbe::islandId)
                .collect(Collectors.toUnmodifiableSet());
    }

    public IslandState state(String islandId) {
        IslandProbe p = probes.get(islandId);
        return p == null ? IslandState.UNKNOWN : p.state();
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
        }
        probes.values().forEach(IslandProbe::close);
        probes.clear();
    }
}
