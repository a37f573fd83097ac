package org.vertogw.partition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated partition map (docs/partitioning.md). Construction validates the whole map and either succeeds or throws
 * naming the field, so a map is never half-applied. Pins are stored with folded domains.
 */
public final class PartitionMap {

    private final long version;
    private final PartitionBy partitionBy;
    private final List<Island> islands;
    private final Map<String, String> pins;
    private final List<String> gateways;
    private final List<Island> actives;
    private final List<Island> spares;

    public PartitionMap(
            long version,
            PartitionBy partitionBy,
            List<Island> islands,
            Map<String, String> pins,
            List<String> gateways)
            throws PartitionMapException {
        if (version < 0) {
            throw new PartitionMapException("version", "must be a non-negative integer, got " + version);
        }
        if (partitionBy == null) {
            throw new PartitionMapException("partitionBy", "must be \"domain\" or \"extension\"");
        }
        if (islands == null || islands.isEmpty()) {
            throw new PartitionMapException("islands", "must list at least one island");
        }
        Set<String> ids = new HashSet<>();
        List<Island> a = new ArrayList<>();
        List<Island> s = new ArrayList<>();
        for (int i = 0; i < islands.size(); i++) {
            Island island = islands.get(i);
            String at = "islands[" + i + "]";
            if (!Island.ID.matcher(island.id()).matches()) {
                throw new PartitionMapException(
                        at + ".id", "must match [A-Za-z0-9._-]{1,64}, got \"" + island.id() + "\"");
            }
            if (!ids.add(island.id())) {
                throw new PartitionMapException(at + ".id", "duplicate id \"" + island.id() + "\"");
            }
            if (island.weight() < Island.MIN_WEIGHT || island.weight() > Island.MAX_WEIGHT) {
                throw new PartitionMapException(at + ".weight", "must be an integer 1..64, got " + island.weight());
            }
            (island.isSpare() ? s : a).add(island);
        }
        if (a.isEmpty()) {
            throw new PartitionMapException("islands", "no active island (every island is a spare)");
        }
        Map<String, String> folded = new LinkedHashMap<>();
        if (pins != null) {
            for (Map.Entry<String, String> pin : pins.entrySet()) {
                String at = "pins[\"" + pin.getKey() + "\"]";
                String domain;
                try {
                    domain = KeyFolding.fold(pin.getKey(), "pin domain");
                } catch (IllegalArgumentException e) {
                    throw new PartitionMapException(at, e.getMessage());
                }
                String target = pin.getValue();
                Island island = islands.stream()
                        .filter(x -> x.id().equals(target))
                        .findFirst()
                        .orElse(null);
                if (island == null) {
                    throw new PartitionMapException(at, "pins to unknown island \"" + target + "\"");
                }
                if (island.isSpare()) {
                    throw new PartitionMapException(
                            at, "pins to spare island \"" + target + "\"; pins name active islands");
                }
                if (folded.put(domain, target) != null) {
                    throw new PartitionMapException(at, "domain \"" + domain + "\" is pinned twice");
                }
            }
        }
        this.version = version;
        this.partitionBy = partitionBy;
        this.islands = List.copyOf(islands);
        this.pins = Map.copyOf(folded);
        this.gateways = gateways == null ? List.of() : List.copyOf(gateways);
        this.actives = List.copyOf(a);
        this.spares = List.copyOf(s);
    }

    public long version() {
        return version;
    }

    public PartitionBy partitionBy() {
        return partitionBy;
    }

    /** In map order. */
    public List<Island> islands() {
        return islands;
    }

    public List<Island> actives() {
        return actives;
    }

    public List<Island> spares() {
        return spares;
    }

    /** Folded domain to active island id. */
    public Map<String, String> pins() {
        return pins;
    }

    /** Gateway endpoints the SDK may rotate over. */
    public List<String> gateways() {
        return gateways;
    }

    public Optional<Island> island(String id) {
        return islands.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
