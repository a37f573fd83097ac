package org.vertogw.gateway.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertogw.partition.PartitionMap;
import org.vertogw.partition.PartitionMapException;
import org.vertogw.partition.PartitionMapParser;

/**
 * Applies the partition map file without a restart. It polls the file's modification time and size (robust on
 * every file system, including bind mounts where inotify events are lost); a changed file is parsed and validated
 * whole. An invalid file, or one whose version does not grow, keeps the old map and logs why.
 */
public final class MapFileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MapFileWatcher.class);

    private final Path file;
    private final Router router;
    private FileTime lastModified;
    private long lastSize = -1;
    private String lastError;
    private ScheduledFuture<?> task;

    public MapFileWatcher(Path file, Router router) {
        this.file = file;
        this.router = router;
    }

    /** Reads the file once; a bad initial map is fatal, since there is nothing to keep. */
    public static PartitionMap load(Path file) throws IOException, PartitionMapException {
        return PartitionMapParser.parse(Files.readString(file));
    }

    public void start(ScheduledExecutorService scheduler, long periodMillis) {
        try {
            lastModified = Files.getLastModifiedTime(file);
            lastSize = Files.size(file);
        } catch (IOException e) {
            LOG.warn("partition map {}: {}", file, e.toString());
        }
        task = scheduler.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Checks the file now; package-visible so tests need not wait for the period. */
    void check() {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            report("cannot read: " + e);
            return;
        }
        if (modified.equals(lastModified) && size == lastSize) {
            return;
        }
        lastModified = modified;
        lastSize = size;
        PartitionMap next;
        try {
            next = load(file);
        } catch (IOException e) {
            report("cannot read: " + e);
            return;
        } catch (PartitionMapException e) {
            report("invalid, keeping version " + router.map().version() + ": " + e.getMessage());
            return;
        }
        long current = router.map().version();
        if (next.version() <= current) {
            report("version " + next.version() + " does not grow past " + current + "; keeping the current map");
            return;
        }
        router.apply(next);
        lastError = null;
        LOG.info(
                "partition map version {} applied from {} ({} islands)",
                next.version(),
                file,
                next.islands().size());
    }

    private void report(String problem) {
        String message = "partition map " + file + ": " + problem;
        if (!message.equals(lastError)) {
            LOG.error(message);
            lastError = message;
        }
    }

    /** The last problem with the file, or null when the file in use is the file on disk. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
