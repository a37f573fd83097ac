package org.vertogw.island;

import java.util.concurrent.CompletableFuture;

/**
 * Which island serves a dialled user under the partition map: asked by the dialplan when the user is not registered
 * on this island, so that the call is trunked to the island that serves them (docs/operations.md, "Calls across
 * islands"). A lookup never blocks the island's thread; it completes on any thread.
 */
public interface IslandRoutes {

    /** The serving island of {@code user@domain}; completes exceptionally when no answer can be had. */
    CompletableFuture<IslandRoute> lookup(String user, String domain);
}
