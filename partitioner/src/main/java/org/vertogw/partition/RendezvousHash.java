package org.vertogw.partition;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Highest-random-weight (rendezvous) hashing over MurmurHash3 x86 32-bit, seed 0, read unsigned (docs/partitioning.md,
 * step 3). Integer-only, so JavaScript computes the same winner; adding or removing an island moves only the keys
 * that move to or from it.
 */
public final class RendezvousHash {

    private static final HashFunction MURMUR3 = Hashing.murmur3_32_fixed();

    /** {@code murmur3_32(utf8(s))} as an unsigned 32-bit value. */
    public static long murmur3(String s) {
        return Integer.toUnsignedLong(
                MURMUR3.hashString(s, StandardCharsets.UTF_8).asInt());
    }

    /** An island's score for a key: the largest of {@code murmur3(key|id#v)} for {@code v} in {@code 0..weight-1}. */
    public static long score(String key, Island island) {
        long best = -1;
        String prefix = key + "|" + island.id() + "#";
        for (int v = 0; v < island.weight(); v++) {
            best = Math.max(best, murmur3(prefix + v));
        }
        return best;
    }

    /** The island with the highest score for {@code key}; equal scores go to the smaller id. Null when empty. */
    public static Island winner(String key, Collection<Island> candidates) {
        Island best = null;
        long bestScore = -1;
        for (Island island : candidates) {
            long s = score(key, island);
            if (best == null || s > bestScore || (s == bestScore && island.id().compareTo(best.id()) < 0)) {
                best = island;
                bestScore = s;
            }
        }
        return best;
    }

    /** The spare that takes over {@code homeId}'s partition: highest {@code murmur3(home|spareId)}, same tie rule. */
    public static Island spareFor(String homeId, Collection<Island> spares) {
        Island best = null;
        long bestScore = -1;
        for (Island spare : spares) {
            long s = murmur3(homeId + "|" + spare.id());
            if (best == null || s > bestScore || (s == bestScore && spare.id().compareTo(best.id()) < 0)) {
                best = spare;
                bestScore = s;
            }
        }
        return best;
    }

    private RendezvousHash() {}
}
