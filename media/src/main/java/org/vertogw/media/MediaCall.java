package org.vertogw.media;

import java.util.List;
import org.vertogw.media.transport.LegCounters;

/**
 * The media of one call that an engine owns and counts: a gateway's relay, or the endpoint an island terminates a
 * call with. Made on one media thread (the engine's least busy) and closed there.
 */
public interface MediaCall extends AutoCloseable {

    /** The counters of each of its legs, for the engine's totals. */
    List<LegCounters> legCounters();

    @Override
    void close();
}
