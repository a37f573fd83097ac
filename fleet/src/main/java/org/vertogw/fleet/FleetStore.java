package org.vertogw.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The little of etcd v3 the fleet needs (docs/operations.md, "Fleet on etcd"): read a key or a prefix with the
 * store's revision, compare-and-swap a key on its mod revision, watch a prefix from a revision, and leases that
 * keep a member's keys alive only while it is. Every call is bounded by the store's timeout and fails with
 * {@link StoreException} rather than hang.
 */
public interface FleetStore extends AutoCloseable {

    /** One key as stored: its value and the revision of its last change (0 for a key that does not exist). */
    record Entry(String key, String value, long modRevision) {}

    /** A consistent read of a prefix at {@code revision}. */
    record Snapshot(Map<String, Entry> entries, long revision) {}

    /** One change seen by a watch: a put (value set) or a delete (value null). */
    record Change(String key, String value, long modRevision) {}

    /** What a watch reports, on the store client's threads. */
    interface WatchListener {
        void changed(List<Change> changes, long revision);

        /** The watch ended; {@code compacted} when it cannot resume from its revision any more. */
        void broken(Throwable cause, boolean compacted);
    }

    Snapshot read(String prefix) throws StoreException;

    Optional<Entry> get(String key) throws StoreException;

    /**
     * Writes {@code value} only if the key's mod revision is still {@code expectedModRevision} (0: only if absent).
     *
     * @param lease 0 for a key that outlives its writer
     * @return the store's revision after the write, or -1 when the comparison failed and nothing was written
     */
    long compareAndSwap(String key, long expectedModRevision, String value, long lease) throws StoreException;

    void put(String key, String value, long lease) throws StoreException;

    /** Watches every key under {@code prefix} from {@code fromRevision} on; close the result to stop. */
    AutoCloseable watch(String prefix, long fromRevision, WatchListener listener);

    long grantLease(Duration ttl) throws StoreException;

    /** Renews a lease once; false when the store no longer knows it (it expired). */
    boolean keepAlive(long lease) throws StoreException;

    void revoke(long lease) throws StoreException;

    @Override
    void close();
}
