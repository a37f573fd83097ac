package org.vertogw.partition;

import java.util.List;
import java.util.Set;

/** The island computation of docs/partitioning.md: fold, key, home, serving. Stateless and thread-safe. */
public final class IslandSelector {

    /**
     * @param down ids the health view marks down (unknown ids are ignored)
     * @throws IllegalArgumentException when the user or the domain is empty after folding
     */
    public static Route resolve(PartitionMap map, String user, String domain, Set<String> down) {
        String foldedDomain = KeyFolding.fold(domain, "domain");
        String foldedUser = KeyFolding.fold(user, "user");
        String key = map.partitionBy() == PartitionBy.DOMAIN ? foldedDomain : foldedUser + "@" + foldedDomain;
        String pinned = map.pins().get(foldedDomain);
        String home = pinned != null
                ? pinned
                : RendezvousHash.winner(key, map.actives()).id();
        if (!down.contains(home)) {
            return new Route(key, home, home);
        }
        List<Island> sparesUp =
                map.spares().stream().filter(s -> !down.contains(s.id())).toList();
        if (!sparesUp.isEmpty()) {
            return new Route(key, home, RendezvousHash.spareFor(home, sparesUp).id());
        }
        List<Island> activesUp =
                map.actives().stream().filter(a -> !down.contains(a.id())).toList();
        Island fallback = RendezvousHash.winner(key, activesUp);
        return new Route(key, home, fallback == null ? null : fallback.id());
    }

    private IslandSelector() {}
}
