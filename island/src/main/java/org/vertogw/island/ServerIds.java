package org.vertogw.island;

import java.util.concurrent.atomic.AtomicLong;

/** One counter for every server-originated request of the island, shared by all connections, as in FreeSWITCH (docs/protocol.md §1.3). */
final class ServerIds {
    private final AtomicLong next = new AtomicLong(9000);

    long next() {
        return next.getAndIncrement();
    }
}
