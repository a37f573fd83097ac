package org.vertogw.media.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-leg traffic counters: packets and bytes received and sent (after SRTP), and discards by reason. Written by
 * the media thread only (lazySet, no lock), readable from any thread.
 */
public final class LegCounters {

    private static final int RX_PACKETS = 0;
    private static final int RX_BYTES = 1;
    private static final int TX_PACKETS = 2;
    private static final int TX_BYTES = 3;

    private final AtomicLongArray traffic = new AtomicLongArray(4);
    private final AtomicLongArray discards = new AtomicLongArray(DiscardReason.values().length);

    void received(int bytes) {
        add(traffic, RX_PACKETS, 1);
        add(traffic, RX_BYTES, bytes);
    }

    void sent(int bytes) {
        add(traffic, TX_PACKETS, 1);
        add(traffic, TX_BYTES, bytes);
    }

    public void discard(DiscardReason reason) {
        add(discards, reason.ordinal(), 1);
    }

    private static void add(AtomicLongArray a, int i, long n) {
        a.lazySet(i, a.get(i) + n);
    }

    public long packetsReceived() {
        return traffic.get(RX_PACKETS);
    }

    public long bytesReceived() {
        return traffic.get(RX_BYTES);
    }

    public long packetsSent() {
        return traffic.get(TX_PACKETS);
    }

    public long bytesSent() {
        return traffic.get(TX_BYTES);
    }

    public long discarded(DiscardReason reason) {
        return discards.get(reason.ordinal());
    }

    public long discardedTotal() {
        long n = 0;
        for (int i = 0; i < discards.length(); i++) {
            n += discards.get(i);
        }
        return n;
    }

    /** Non-zero discard counters. */
    public Map<DiscardReason, Long> discards() {
        Map<DiscardReason, Long> m = new EnumMap<>(DiscardReason.class);
        for (DiscardReason r : DiscardReason.values()) {
            long v = discards.get(r.ordinal());
            if (v != 0) {
                m.put(r, v);
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "rx " + packetsReceived() + " pkts/" + bytesReceived() + " B, tx " + packetsSent() + " pkts/"
                + bytesSent() + " B, discards " + discards();
    }
}
