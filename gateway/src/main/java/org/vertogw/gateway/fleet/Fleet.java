package org.vertogw.gateway.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.fleet.EtcdStore;
import org.vertogw.fleet.FleetStore;
import org.vertogw.fleet.LeaseKeeper;
import org.vertogw.fleet.PrefixMirror;
import org.vertogw.fleet.StoreException;
import org.vertogw.gateway.config.FleetSettings;
import org.vertogw.gateway.edge.ClientSession;
import org.vertogw.gateway.edge.VertoEdge;
import org.vertogw.gateway.island.IslandHealth;
import org.vertogw.gateway.observe.GatewayMetrics;
import org.vertogw.gateway.routing.Placement;
import org.vertogw.gateway.routing.Router;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandSelector;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.Route;

/**
 * This gateway as a member of a fleet sharing one truth in etcd (docs/operations.md, "Fleet on etcd"): it applies
 * the fleet's partition map, publishes its membership, probe verdicts and load under its lease, routes by the
 * fleet's verdict and assignment, closes (1013) its sessions of a partition that moved, and, while it is the live
 * member with the lowest id and reaches etcd, decides failovers and failbacks for everyone. Without etcd it keeps
 * serving the last state it read and decides nothing.
 */
public final class Fleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

    private final FleetSettings settings;
    private final String self;
    private final FleetKeys keys;
    private final FleetStore store;
    private final PrefixMirror mirror;
    private final LeaseKeeper lease;
    private final IslandHealth health;
    private final GatewayMetrics metrics;
    private final FleetDecider decider = new FleetDecider();
    private volatile FleetState state = FleetState.EMPTY;
    private SharedMap map;
    private Router router;
    private VertoEdge edge;
    private Supplier<List<String>> endpoints;
    private final String seed;
    private String published;
    private long publishedLease;

    /**
     * @param seed the map file's text, which seeds a new fleet's map as written, {@code failback} included; null
     *     for a map given in code (its own form seeds)
     * @throws IllegalArgumentException naming the field, when the seed's {@code failback} is invalid
     */
    public Fleet(FleetSettings settings, String self, IslandHealth health, GatewayMetrics metrics, String seed) {
        if (seed != null) {
            try {
                FailbackPolicy.of(FleetState.JSON.readTree(seed));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("partition map: " + e.getOriginalMessage(), e);
            }
        }
        this.seed = seed;
        this.settings = settings;
        this.self = self;
        this.keys = new FleetKeys(settings.prefix());
        this.health = health;
        this.metrics = metrics;
        metrics.fleet();
        this.store = new EtcdStore(settings.etcd());
        this.mirror = new PrefixMirror(store, keys.root(), settings.resync(), "fleet-watch");
        this.lease = new LeaseKeeper(store, settings.leaseTtl(), "fleet-lease", this::publish);
    }

    /** Routing by the fleet: the partition's island of the current epoch, and none while the fleet finds it down. */
    public Placement placement() {
        return (m, user, domain) -> {
            Route home = IslandSelector.resolve(m, user, domain, Set.of());
            String serving = state.assignment().of(home.home()).island();
            if (m.island(serving).isEmpty() || down().contains(serving)) {
                serving = null;
            }
            return new Route(home.key(), home.home(), serving);
        };
    }

    /** Joins the fleet: reads its keys, then watches them; holds this gateway's lease. */
    public void start(Router r, VertoEdge e, Supplier<List<String>> ownEndpoints) {
        this.router = r;
        this.edge = e;
        this.endpoints = ownEndpoints;
        this.map = new SharedMap(store, keys, r, seed);
        mirror.onChange(entries -> changed(FleetState.of(keys, entries)));
        health.onChange((island, s) -> lease.now());
        mirror.start();
        lease.start();
        long tick = Math.max(100, settings.resync().toMillis() / 4);
        mirror.every(tick, TimeUnit.MILLISECONDS, this::decide);
        LOG.info(
                "gateway {} joining the fleet at {} on {}",
                self,
                settings.prefix(),
                settings.etcd().endpoints());
    }

    private void changed(FleetState next) {
        FleetState prev = state;
        state = next;
        if (mirror.read()) {
            map.seen(next.map());
        }
        if (!prev.assignment().equals(next.assignment())) {
            moved(prev.assignment(), next.assignment());
        }
        decide();
    }

    /** Closes this gateway's sessions of each partition that left their island, all of them at once. */
    private void moved(Assignment before, Assignment after) {
        Set<String> homes = new LinkedHashSet<>(before.partitions().keySet());
        homes.addAll(after.partitions().keySet());
        for (String h : homes) {
            Assignment.Placed was = before.of(h);
            Assignment.Placed is = after.of(h);
            if (was.island().equals(is.island())) {
                continue;
            }
            LOG.info("partition {} moves from {} to {} (epoch {})", h, was.island(), is.island(), is.epoch());
            for (ClientSession s : edge.sessions()) {
                if (was.island().equals(s.islandId()) && h.equals(home(s))) {
                    s.moveAway(h, is.island());
                }
            }
        }
    }

    private String home(ClientSession s) {
        String login = s.login();
        int at = login == null ? -1 : login.lastIndexOf('@');
        if (at <= 0 || at == login.length() - 1) {
            return null;
        }
        return IslandSelector.resolve(router.map(), login.substring(0, at), login.substring(at + 1), Set.of())
                .home();
    }

    private void decide() {
        FleetState s = state;
        PartitionMap m = router.map();
        Assignment next = decider.decide(m, s, down(), map.failback(), System.nanoTime());
        if (next == null || !deciding()) {
            return;
        }
        try {
            long rev = store.compareAndSwap(
                    keys.assignment(), s.assignmentRevision(), FleetState.JSON.writeValueAsString(next), 0);
            if (rev > 0) {
                metrics.fleet().decision();
                LOG.info("fleet assignment decided at revision {}: {}", rev, next.partitions());
            }
        } catch (StoreException | JsonProcessingException e) {
            LOG.warn("fleet decision not written: {}", e.getMessage());
        }
    }

    /** Whether this gateway is the decider now: it reaches etcd and is the live member with the lowest id. */
    public boolean deciding() {
        Map<String, MemberRecord> members = state.members();
        return !degraded()
                && members.containsKey(self)
                && self.equals(members.keySet().iterator().next());
    }

    private void publish(long leaseId) throws StoreException {
        Map<String, String> verdicts = new HashMap<>();
        for (Island i : router.map().islands()) {
            verdicts.put(i.id(), health.state(i.id()).name().toLowerCase(Locale.ROOT));
        }
        Map<String, Integer> sessions = new HashMap<>();
        Map<String, Map<String, Integer>> calls = new HashMap<>();
        int open = 0;
        for (ClientSession s : edge.sessions()) {
            open++;
            String island = s.islandId();
            if (island == null) {
                continue;
            }
            sessions.merge(island, 1, Integer::sum);
            String h = home(s);
            if (h != null && s.activeCalls() > 0) {
                calls.computeIfAbsent(island, k -> new HashMap<>()).merge(h, s.activeCalls(), Integer::sum);
            }
        }
        MemberRecord r = new MemberRecord(self, endpoints.get(), open, verdicts, sessions, calls);
        String json;
        try {
            json = FleetState.JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the lease keeps an unchanged record alive; rewrite it only when it changed or the lease is new
        if (!json.equals(published) || leaseId != publishedLease) {
            store.put(keys.member(self), json, leaseId);
            published = json;
            publishedLease = leaseId;
        }
    }

    /** The fleet's verdict: islands more than half of the live gateways find down. */
    public Set<String> down() {
        return state.down(health.down());
    }

    /** Whether this gateway has lost etcd (its watch or its lease): it serves the last state and decides nothing. */
    public boolean degraded() {
        return !mirror.connected() || !lease.alive();
    }

    /** The endpoints of every live gateway, for the public map; this gateway's own until it has read the fleet. */
    public List<String> endpoints() {
        Set<String> out = new LinkedHashSet<>();
        state.members().values().forEach(m -> out.addAll(m.endpoints()));
        if (out.isEmpty()) {
            out.addAll(endpoints.get());
        }
        return new ArrayList<>(out);
    }

    public String self() {
        return self;
    }

    public FleetState state() {
        return state;
    }

    /** Writes a new partition map for the fleet (see {@link SharedMap#put}). */
    public FleetWrite putMap(String body, PartitionMap next, FailbackPolicy policy) {
        return map.put(body, next, policy);
    }

    /** An operator's move of a partition (the only way back under {@code manual}); CAS on the assignment. */
    public FleetWrite move(String home, String island) {
        PartitionMap m = router.map();
        if (m.actives().stream().noneMatch(i -> i.id().equals(home))) {
            return new FleetWrite(404, "no active island \"" + home + "\" names a partition");
        }
        if (m.island(island).isEmpty()) {
            return new FleetWrite(404, "no island \"" + island + "\" in the map");
        }
        if (down().contains(island)) {
            return new FleetWrite(409, "the fleet finds island " + island + " down");
        }
        FleetState s = state;
        Assignment next = s.assignment().move(home, island);
        try {
            long rev = store.compareAndSwap(
                    keys.assignment(), s.assignmentRevision(), FleetState.JSON.writeValueAsString(next), 0);
            return rev > 0
                    ? new FleetWrite(
                            200,
                            "partition " + home + " on " + island + " at epoch "
                                    + next.of(home).epoch())
                    : new FleetWrite(409, "the assignment changed meanwhile: read the fleet again and retry");
        } catch (StoreException | JsonProcessingException e) {
            return new FleetWrite(
                    503, "etcd did not answer (" + e.getMessage() + "): GET the fleet to see whether it moved");
        }
    }

    public FailbackPolicy failback() {
        return map.failback();
    }

    /** Leaves the fleet: the lease is revoked (its record vanishes at once), the watch and the gRPC client end. */
    @Override
    public void close() {
        lease.close();
        mirror.close();
        store.close();
    }
}
