package org.vertogw.gateway.fleet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vertogw.partition.Island;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.RendezvousHash;

/**
 * The failover and failback rule the fleet's decider applies to the assignment (docs/operations.md, "Fleet on
 * etcd"): a partition whose home the fleet finds down moves whole to its spare (the partitioner's choice, else an
 * active island up); a partition away from a home that is up again goes back by the map's {@link FailbackPolicy}.
 * Only one gateway decides at a time, and its decision lands only by compare-and-swap on the assignment.
 */
final class FleetDecider {

    /** Since when (nanoTime) the fleet has found each home island up without a break. */
    private final Map<String, Long> upSince = new HashMap<>();

    /** The next assignment, or null when nothing moves. */
    Assignment decide(PartitionMap map, FleetState state, Set<String> down, FailbackPolicy policy, long now) {
        for (Island i : map.actives()) {
            if (down.contains(i.id())) {
                upSince.remove(i.id());
            } else {
                upSince.putIfAbsent(i.id(), now);
            }
        }
        Assignment current = state.assignment();
        Assignment next = current;
        for (Island home : map.actives()) {
            String h = home.id();
            Assignment.Placed p = current.of(h);
            boolean onHome = p.island().equals(h);
            boolean servingLost =
                    down.contains(p.island()) || map.island(p.island()).isEmpty();
            if (!down.contains(h)) {
                if (!onHome && (servingLost || failbackDue(policy, h, p.island(), state, now))) {
                    next = next.move(h, h);
                }
            } else if (onHome || servingLost) {
                String refuge = refuge(map, h, down);
                if (refuge != null && !refuge.equals(p.island())) {
                    next = next.move(h, refuge);
                }
            }
        }
        return next == current ? null : next;
    }

    /** Resets the timers: a gateway that becomes the decider starts counting home's time up from now. */
    void reset() {
        upSince.clear();
    }

    private boolean failbackDue(FailbackPolicy policy, String home, String serving, FleetState state, long now) {
        return switch (policy.mode()) {
            case MANUAL -> false;
            case IMMEDIATE -> true;
            case WHEN_IDLE ->
                now - upSince.getOrDefault(home, now) >= policy.homeUpFor().toNanos()
                        && state.calls(serving, home) == 0;
        };
    }

    private static String refuge(PartitionMap map, String home, Set<String> down) {
        List<Island> spares =
                map.spares().stream().filter(s -> !down.contains(s.id())).toList();
        if (!spares.isEmpty()) {
            return RendezvousHash.spareFor(home, spares).id();
        }
        Island active = RendezvousHash.winner(
                home, map.actives().stream().filter(a -> !down.contains(a.id())).toList());
        return active == null ? null : active.id();
    }
}
