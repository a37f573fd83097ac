package org.vertogw.gateway.edge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.vertogw.gateway.island.IslandState;

/**
 * Sends the sessions of a lost island on to their new island, at a pace the islands can take. When a session's
 * link to its island drops, it waits here (its browser stays connected) until the health probes give their
 * verdict on that island, or {@code maxWait} passes; then each waiting session is closed with 1013 and a
 * {@code retryAfterMs} hint in the close reason, spread {@code 1000 / reconnectsPerSecond} ms apart. Clients that
 * follow the hint log in again just after the island is marked down, so they land on the spare at once instead of
 * hitting the dead island and backing off, and ten thousand of them do not arrive in the same second.
 *
 * <p>The island's state is read under this pacer's lock: the health view sets a new state before it tells the
 * pacer, so a session lost just as the verdict lands is either released at once or found by {@link #verdict}, never
 * left to wait out {@code maxWait}.
 */
public final class IslandLossPacer {

    private final ScheduledExecutorService scheduler;
    private final double reconnectsPerSecond;
    private final Duration maxWait;
    private final Function<String, IslandState> health;
    private final Map<String, List<ClientSession>> waiting = new HashMap<>();
    /** Per island, when the next hint slot is free (epoch ms), so consecutive releases keep the pace. */
    private final Map<String, Long> nextSlot = new HashMap<>();

    public IslandLossPacer(
            ScheduledExecutorService scheduler,
            double reconnectsPerSecond,
            Duration maxWait,
            Function<String, IslandState> health) {
        this.scheduler = scheduler;
        this.health = health;
        this.reconnectsPerSecond = reconnectsPerSecond;
        this.maxWait = maxWait;
    }

    /** A session lost its link to {@code island}; released on the verdict, or after {@code maxWait}. */
    public synchronized void lost(String island, ClientSession session) {
        if (health.apply(island) == IslandState.DOWN) {
            release(island, List.of(session));
            return;
        }
        List<ClientSession> list = waiting.computeIfAbsent(island, k -> new ArrayList<>());
        list.add(session);
        if (list.size() == 1) {
            scheduler.schedule(() -> verdict(island), maxWait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The health view changed its mind about {@code island} (down, or up again): release whoever waits for it. */
    public synchronized void verdict(String island) {
        List<ClientSession> list = waiting.remove(island);
        if (list != null) {
            release(island, list);
        }
    }

    private void release(String island, List<ClientSession> sessions) {
        long now = System.currentTimeMillis();
        long slot = Math.max(now, nextSlot.getOrDefault(island, now));
        double spacing = 1000.0 / reconnectsPerSecond;
        for (int i = 0; i < sessions.size(); i++) {
            long at = slot + Math.round(i * spacing);
            sessions.get(i).sendAway(island, at - now);
        }
        nextSlot.put(island, slot + Math.round(sessions.size() * spacing));
    }

    public synchronized int waiting() {
        return waiting.values().stream().mapToInt(List::size).sum();
    }
}
