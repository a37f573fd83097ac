package org.vertogw.gateway.routing;

import org.vertogw.partition.Island;
import org.vertogw.partition.Route;

/** Where a login goes under one map version: the route and the serving island (null when none can serve). */
public record RoutingDecision(Route route, Island serving, long mapVersion) {}
