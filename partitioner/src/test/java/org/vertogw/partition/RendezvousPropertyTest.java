package org.vertogw.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Why rendezvous hashing (docs/partitioning.md): adding an island moves about 1/(N+1) of the keys, all to it. */
class RendezvousPropertyTest {

    private static final int KEYS = 10_000;

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 2, 3, 5, 8, 16})
    void addingAnIslandToNMovesAboutOneInNPlusOneKeysAndOnlyToTheNewIsland(int n) throws Exception {
        List<Island> before = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            before.add(Island.active("fs-" + i, 1));
        }
        List<Island> after = new ArrayList<>(before);
        after.add(Island.active("fs-new", 1));
        PartitionMap m1 = new PartitionMap(1, PartitionBy.EXTENSION, before, null, null);
        PartitionMap m2 = new PartitionMap(2, PartitionBy.EXTENSION, after, null, null);
        int moved = 0;
        for (int k = 0; k < KEYS; k++) {
            String user = Integer.toString(k);
            String a = IslandSelector.resolve(m1, user, "x.example", Set.of()).home();
            String b = IslandSelector.resolve(m2, user, "x.example", Set.of()).home();
            if (!a.equals(b)) {
                moved++;
                assertThat(b).as("key %s moved between two old islands", user).isEqualTo("fs-new");
            }
        }
        double expected = KEYS / (double) (n + 1);
        // Binomial spread: 5 standard deviations either side, so the test is stable and still catches a skew.
        double sd = Math.sqrt(KEYS * (1.0 / (n + 1)) * (1 - 1.0 / (n + 1)));
        assertThat((double) moved).isBetween(expected - 5 * sd, expected + 5 * sd);
    }

    @ParameterizedTest(name = "weight {0}")
    @ValueSource(ints = {2, 4})
    void weightsShareKeysInProportion(int weight) throws Exception {
        PartitionMap m = new PartitionMap(
                1, PartitionBy.EXTENSION, List.of(Island.active("a", 1), Island.active("b", weight)), null, null);
        int onB = 0;
        for (int k = 0; k < KEYS; k++) {
            if (IslandSelector.resolve(m, "u" + k, "x", Set.of()).home().equals("b")) {
                onB++;
            }
        }
        double share = weight / (double) (weight + 1);
        assertThat(onB / (double) KEYS).isBetween(share - 0.03, share + 0.03);
    }
}
