package org.vertogw.gateway.routing;

import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.Route;

/**
 * Which island serves a user under a map: on a lone gateway the partitioner with this gateway's own health view
 * (docs/partitioning.md); in a fleet the fleet's assignment of partitions (docs/operations.md, "Fleet on etcd").
 */
@FunctionalInterface
public interface Placement {

    /** @throws IllegalArgumentException for an empty user or domain */
    Route resolve(PartitionMap map, String user, String domain);
}
