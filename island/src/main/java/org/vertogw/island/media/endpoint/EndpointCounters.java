package org.vertogw.island.media.endpoint;

import java.util.ArrayList;
import java.util.List;
import org.vertogw.media.transport.LegCounters;

/** Counters of an endpoint's legs, one per media section (null for a rejected one). Live views. */
public final class EndpointCounters {

    private final List<LegCounters> legs = new ArrayList<>();

    synchronized void add(LegCounters c) {
        legs.add(c);
    }

    public synchronized LegCounters leg(int mediaIndex) {
        return mediaIndex < legs.size() ? legs.get(mediaIndex) : null;
    }

    public synchronized List<LegCounters> all() {
        List<LegCounters> out = new ArrayList<>();
        for (LegCounters c : legs) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    public synchronized long packetsReceived() {
        return all().stream().mapToLong(LegCounters::packetsReceived).sum();
    }

    public synchronized long packetsSent() {
        return all().stream().mapToLong(LegCounters::packetsSent).sum();
    }

    @Override
    public synchronized String toString() {
        return legs.toString();
    }
}
