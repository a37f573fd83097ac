package org.vertogw.gateway.routing;

import java.util.Set;

/** The set of islands the gateway currently believes are down (docs/partitioning.md: the {@code down} set). */
@FunctionalInterface
public interface HealthView {
    Set<String> down();
}
