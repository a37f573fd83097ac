package org.vertogw.media.net;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the ICE-TCP port did: connections accepted and open, refusals and closes by reason, bytes on the wire (with
 * their length fields) and packets dropped because a slow reader's queue was full. Updated by several media
 * threads; readable from any thread.
 */
public final class TcpCounters {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final AtomicLongArray closed = new AtomicLongArray(TcpClose.values().length);
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    void opened() {
        accepted.incrementAndGet();
        open.incrementAndGet();
    }

    void closed(TcpClose reason, boolean wasOpen) {
        closed.incrementAndGet(reason.ordinal());
        if (wasOpen) {
            open.decrementAndGet();
        }
    }

    void in(int bytes) {
        bytesIn.add(bytes);
    }

    void out(int bytes) {
        bytesOut.add(bytes);
    }

    void dropped() {
        dropped.increment();
    }

    public long accepted() {
        return accepted.get();
    }

    public long open() {
        return open.get();
    }

    public long closed(TcpClose reason) {
        return closed.get(reason.ordinal());
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    /** Packets not sent because the connection's queue was full (back-pressure from a slow reader). */
    public long droppedForBackPressure() {
        return dropped.sum();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("tcp[accepted ")
                .append(accepted())
                .append(", open ")
                .append(open());
        for (TcpClose r : TcpClose.values()) {
            if (closed(r) != 0) {
                b.append(", ")
                        .append(r.name().toLowerCase(java.util.Locale.ROOT))
                        .append(' ')
                        .append(closed(r));
            }
        }
        return b.append(", in ")
                .append(bytesIn())
                .append(" B, out ")
                .append(bytesOut())
                .append(" B, dropped ")
                .append(droppedForBackPressure())
                .append(']')
                .toString();
    }
}
