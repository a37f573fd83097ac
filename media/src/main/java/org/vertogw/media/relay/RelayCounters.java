package org.vertogw.media.relay;

import java.util.ArrayList;
import java.util.List;
import org.vertogw.media.transport.LegCounters;

/**
 * A relay's counters: per media section, the browser leg's and the island leg's {@link LegCounters} (received =
 * from that leg's peer, sent = to it), and one transit-time histogram per direction. Live views, readable from any
 * thread.
 */
public final class RelayCounters {

    private final List<LegCounters> browser = new ArrayList<>();
    private final List<LegCounters> island = new ArrayList<>();
    private final TransitHistogram browserToIsland = new TransitHistogram();
    private final TransitHistogram islandToBrowser = new TransitHistogram();

    synchronized void add(LegCounters browserLeg, LegCounters islandLeg) {
        browser.add(browserLeg);
        island.add(islandLeg);
    }

    /** Counters of the browser leg of media section {@code index} (null for a rejected section). */
    public synchronized LegCounters browser(int index) {
        return index < browser.size() ? browser.get(index) : null;
    }

    public synchronized LegCounters island(int index) {
        return index < island.size() ? island.get(index) : null;
    }

    public synchronized int mediaSections() {
        return browser.size();
    }

    public TransitHistogram browserToIsland() {
        return browserToIsland;
    }

    public TransitHistogram islandToBrowser() {
        return islandToBrowser;
    }

    /** Packets relayed in both directions (sent on either leg after a successful decrypt on the other). */
    public synchronized long packetsRelayed() {
        long n = 0;
        for (LegCounters c : browser) {
            n += c == null ? 0 : c.packetsSent();
        }
        for (LegCounters c : island) {
            n += c == null ? 0 : c.packetsSent();
        }
        return n;
    }

    /** Every leg's counters (browser and island of each relayed section). */
    public synchronized List<LegCounters> all() {
        List<LegCounters> out = new ArrayList<>();
        for (int i = 0; i < browser.size(); i++) {
            if (browser.get(i) != null) {
                out.add(browser.get(i));
                out.add(island.get(i));
            }
        }
        return out;
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < browser.size(); i++) {
            sb.append("m")
                    .append(i)
                    .append(" browser: ")
                    .append(browser.get(i))
                    .append("; island: ")
                    .append(island.get(i))
                    .append('\n');
        }
        sb.append("transit b->i p50/p99 ")
                .append(browserToIsland.quantileMicros(0.5))
                .append('/')
                .append(browserToIsland.quantileMicros(0.99))
                .append(" us, i->b ")
                .append(islandToBrowser.quantileMicros(0.5))
                .append('/')
                .append(islandToBrowser.quantileMicros(0.99))
                .append(" us");
        return sb.toString();
    }
}
