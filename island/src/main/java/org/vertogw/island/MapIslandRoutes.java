package org.vertogw.island;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandSelector;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapException;
import org.vertogw.partition.PartitionMapParser;
import org.vertogw.partition.Route;

/**
 * Routes computed here from the partition map file the gateways use, read again when it changes; no health view,
 * so a user's home island is the answer (the gateway's {@link HttpIslandRoutes} also knows which islands are down).
 */
public final class MapIslandRoutes implements IslandRoutes {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MapIslandRoutes.class);

    private final Path file;
    private PartitionMap map;
    private FileTime read;

    /** Reads {@code file} now, so that a bad map fails the island's start naming the field. */
    public MapIslandRoutes(Path file) throws IOException, PartitionMapException {
        this.file = file;
        this.read = Files.getLastModifiedTime(file);
        this.map = PartitionMapParser.parse(Files.readString(file));
    }

    /** Routes under a fixed map. */
    public MapIslandRoutes(PartitionMap map) {
        this.file = null;
        this.map = map;
    }

    @Override
    public synchronized CompletableFuture<IslandRoute> lookup(String user, String domain) {
        try {
            reload();
            Route r = IslandSelector.resolve(map, user, domain, Set.of());
            Island i = map.island(r.serving()).orElseThrow();
            return CompletableFuture.completedFuture(new IslandRoute(i.id(), i.verto()));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A changed file is applied when it parses; a bad one keeps the map in use, and says why once. */
    private void reload() throws IOException {
        if (file == null) {
            return;
        }
        FileTime now = Files.getLastModifiedTime(file);
        if (!now.equals(read)) {
            read = now;
            try {
                map = PartitionMapParser.parse(Files.readString(file));
            } catch (PartitionMapException e) {
                LOG.warn("partition map {} not applied: {}; the previous one stays", file, e.getMessage());
            }
        }
    }
}
