package org.vertogw.gateway.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which island serves each partition, decided once for the fleet. A partition is named by its home island (every
 * key the partitioner homes there, docs/partitioning.md), so it moves whole; its epoch grows with every move. A
 * partition with no entry is on its home at epoch 0.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Assignment(Map<String, Placed> partitions) {

    /** Where one partition is served and since which epoch. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Placed(String island, long epoch) {}

    public static final Assignment HOME = new Assignment(Map.of());

    public Assignment {
        partitions = partitions == null ? Map.of() : Map.copyOf(partitions);
    }

    public Placed of(String home) {
        return partitions.getOrDefault(home, new Placed(home, 0));
    }

    /** This assignment with {@code home} moved to {@code island} at the next epoch. */
    public Assignment move(String home, String island) {
        Map<String, Placed> next = new LinkedHashMap<>(partitions);
        next.put(home, new Placed(island, of(home).epoch() + 1));
        return new Assignment(next);
    }
}
