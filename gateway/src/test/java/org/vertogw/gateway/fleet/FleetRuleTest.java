package org.vertogw.gateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vertogw.partition.Island;
import org.vertogw.partition.IslandRole;
import org.vertogw.partition.PartitionBy;
import org.vertogw.partition.PartitionMap;

/** The fleet's verdict (a majority of live gateways) and its decider's failover and failback rule. */
class FleetRuleTest {

    private static final PartitionMap MAP = map();

    private static PartitionMap map() {
        try {
            return new PartitionMap(
                    1,
                    PartitionBy.DOMAIN,
                    List.of(
                            new Island("fs-01", 1, IslandRole.ACTIVE, null, List.of()),
                            new Island("fs-02", 1, IslandRole.ACTIVE, null, List.of()),
                            new Island("spare-1", 1, IslandRole.SPARE, null, List.of())),
                    null,
                    null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static MemberRecord member(String id, String fs01, Map<String, Map<String, Integer>> calls) {
        return new MemberRecord(id, List.of(), 0, Map.of("fs-01", fs01), Map.of(), calls);
    }

    private static FleetState state(Assignment a, MemberRecord... members) {
        Map<String, MemberRecord> m = new TreeMap<>();
        for (MemberRecord r : members) {
            m.put(r.id(), r);
        }
        return new FleetState(m, a, 7, null);
    }

    @Test
    void oneGatewayOfThreeCannotFlipTheVerdictTwoCan() {
        FleetState oneSaysDown = state(
                Assignment.HOME,
                member("a", "down", Map.of()),
                member("b", "up", Map.of()),
                member("c", "up", Map.of()));
        assertThat(oneSaysDown.down(Set.of())).isEmpty();
        FleetState twoSayDown = state(
                Assignment.HOME,
                member("a", "down", Map.of()),
                member("b", "down", Map.of()),
                member("c", "up", Map.of()));
        assertThat(twoSayDown.down(Set.of())).containsExactly("fs-01");
    }

    @Test
    void ofTwoGatewaysBothMustFindAnIslandDown() {
        assertThat(state(Assignment.HOME, member("a", "down", Map.of()), member("b", "up", Map.of()))
                        .down(Set.of()))
                .isEmpty();
        assertThat(state(Assignment.HOME, member("a", "down", Map.of()), member("b", "unknown", Map.of()))
                        .down(Set.of()))
                .isEmpty();
    }

    @Test
    void aDownHomeMovesToItsSpareAtTheNextEpochAndOnlyThatPartitionMoves() {
        Assignment next =
                new FleetDecider().decide(MAP, state(Assignment.HOME), Set.of("fs-01"), FailbackPolicy.DEFAULT, 0);
        assertThat(next.of("fs-01")).isEqualTo(new Assignment.Placed("spare-1", 1));
        assertThat(next.of("fs-02")).isEqualTo(new Assignment.Placed("fs-02", 0));
    }

    @Test
    void withTheSpareDownTooThePartitionGoesWholeToAnActiveIslandUp() {
        Assignment next = new FleetDecider()
                .decide(MAP, state(Assignment.HOME), Set.of("fs-01", "spare-1"), FailbackPolicy.DEFAULT, 0);
        assertThat(next.of("fs-01").island()).isEqualTo("fs-02");
    }

    @Test
    void whenIdleWaitsForHomeUpLongEnoughAndForTheLastCallOfThePartition() {
        FailbackPolicy policy = new FailbackPolicy(FailbackPolicy.Mode.WHEN_IDLE, Duration.ofSeconds(10));
        Assignment away = Assignment.HOME.move("fs-01", "spare-1");
        FleetDecider d = new FleetDecider();
        long t0 = 1_000_000_000L;
        FleetState busy = state(away, member("a", "up", Map.of("spare-1", Map.of("fs-01", 1))));
        FleetState idle = state(away, member("a", "up", Map.of("spare-1", Map.of("fs-02", 3))));
        assertThat(d.decide(MAP, idle, Set.of(), policy, t0))
                .as("home just came up")
                .isNull();
        assertThat(d.decide(
                        MAP, busy, Set.of(), policy, t0 + Duration.ofSeconds(11).toNanos()))
                .as("a call of the partition is active on the spare")
                .isNull();
        Assignment back = d.decide(
                MAP, idle, Set.of(), policy, t0 + Duration.ofSeconds(12).toNanos());
        assertThat(back.of("fs-01")).isEqualTo(new Assignment.Placed("fs-01", 2));
    }

    @Test
    void manualNeverMovesBackAndImmediateDoesAtOnce() {
        Assignment away = Assignment.HOME.move("fs-01", "spare-1");
        FleetState s = state(away, member("a", "up", Map.of()));
        assertThat(new FleetDecider()
                        .decide(MAP, s, Set.of(), new FailbackPolicy(FailbackPolicy.Mode.MANUAL, Duration.ZERO), 0))
                .isNull();
        assertThat(new FleetDecider()
                        .decide(MAP, s, Set.of(), new FailbackPolicy(FailbackPolicy.Mode.IMMEDIATE, Duration.ZERO), 0)
                        .of("fs-01")
                        .island())
                .isEqualTo("fs-01");
    }

    @Test
    void aPartitionWhoseSpareDiesGoesHomeIfHomeIsUpWhateverThePolicy() {
        Assignment away = Assignment.HOME.move("fs-01", "spare-1");
        FleetState s = state(away, member("a", "up", Map.of()));
        assertThat(new FleetDecider()
                        .decide(
                                MAP,
                                s,
                                Set.of("spare-1"),
                                new FailbackPolicy(FailbackPolicy.Mode.MANUAL, Duration.ZERO),
                                0)
                        .of("fs-01"))
                .isEqualTo(new Assignment.Placed("fs-01", 2));
    }
}
