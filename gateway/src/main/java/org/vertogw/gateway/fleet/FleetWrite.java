package org.vertogw.gateway.fleet;

/**
 * What became of an operator's write to the fleet (a map {@code PUT}, a partition move): 200 done, 409 refused as
 * stale, 503 not tried (not read yet, etcd unreachable), 404 for an unknown island; the message says which.
 */
public record FleetWrite(int status, String message) {}
