package org.vertogw.gateway.config;

import java.time.Duration;
import java.util.Objects;
import org.vertogw.fleet.EtcdSettings;

/**
 * A gateway that is one of a fleet sharing its state in etcd (docs/configuration.md, {@code fleet}); absent, the
 * gateway runs alone on its own map file.
 *
 * @param prefix the root of the fleet's keys, e.g. {@code /verto-gateway}; fleets with different prefixes can share
 *     one etcd cluster
 * @param leaseTtl how long a gateway stays a live member after its last renewal
 * @param resync how often the fleet's keys are read in full, besides the watch; also how soon a lost etcd shows
 */
public record FleetSettings(EtcdSettings etcd, String prefix, Duration leaseTtl, Duration resync) {

    public static final String DEFAULT_PREFIX = "/verto-gateway";

    public FleetSettings {
        Objects.requireNonNull(etcd, "etcd");
        if (prefix == null || !prefix.startsWith("/") || prefix.endsWith("/") || prefix.length() > 128) {
            throw new IllegalArgumentException(
                    "fleet.prefix: must start with \"/\", not end with one, and be at most 128 characters");
        }
        if (leaseTtl.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("fleet.leaseTtlMs: must be at least 2000");
        }
        if (resync.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("fleet.resyncMs: must be at least 100");
        }
    }

    /** Defaults for a fleet on these etcd endpoints: the default prefix, a 5 s lease, a full read every 2 s. */
    public static FleetSettings on(EtcdSettings etcd) {
        return new FleetSettings(etcd, DEFAULT_PREFIX, Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    public FleetSettings withPrefix(String p) {
        return new FleetSettings(etcd, p, leaseTtl, resync);
    }
}
