package org.vertogw.media.relay;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Time from a datagram's arrival to the relayed copy leaving the socket, in power-of-two microsecond buckets
 * (bucket i counts [2^(i-1), 2^i) µs; bucket 0 is under 1 µs; the last bucket is open-ended, 2^24 µs up).
 * Recording is one array increment, no allocation.
 */
public final class TransitHistogram {

    public static final int BUCKETS = 26;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        int bucket = micros == 0 ? 0 : Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(micros));
        counts.lazySet(bucket, counts.get(bucket) + 1);
    }

    public long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** Counts per bucket (see the class comment for the bounds). */
    public long[] buckets() {
        long[] out = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            out[i] = counts.get(i);
        }
        return out;
    }

    /** Upper bound, in microseconds, of the bucket holding quantile {@code q} (0..1); 0 when empty. */
    public long quantileMicros(double q) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return 1L << i;
            }
        }
        return 1L << (BUCKETS - 1);
    }
}
