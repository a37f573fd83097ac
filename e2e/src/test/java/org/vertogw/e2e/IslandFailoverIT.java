package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vertogw.e2e.page.PageTimeline;
import org.vertogw.e2e.page.SoftphonePage;
import org.vertogw.testing.Await;

/**
 * Scenario 4: island fs-01 dies while its users are logged in. The gateways mark it down, its users reconnect and
 * land on spare-1, a new call between them works; when fs-01 comes back, new logins go home again.
 */
class IslandFailoverIT extends ClusterTestBase {

    /** b.example lives on fs-01 in this map (the test checks it). */
    static final String DOMAIN = "b.example";

    @Test
    void usersOfADeadIslandMoveToTheSpareAndNewLoginsGoHomeWhenItReturns() throws Exception {
        long[] ms = run(this);
        System.out.println("island failover: both users ready on the spare " + ms[0] + " ms, a new call with media "
                + ms[1] + " ms after the kill");
    }

    /**
     * One failover; returns the times from the kill until both users are logged in on the spare (a new call can be
     * placed; as the pages' own timelines saw it) and until a new call between them, dialled and answered through the page, has media both ways.
     */
    static long[] run(ClusterTestBase test) throws Exception {
        SoftphonePage alice = test.tracedPage(0).login("1010@" + DOMAIN, PASSWORD);
        SoftphonePage bob = test.tracedPage(1).login("1011@" + DOMAIN, PASSWORD);
        assertThat(alice.awaitReady()).isEqualTo("fs-01");
        assertThat(bob.awaitReady()).isEqualTo("fs-01");
        alice.timeline().arm();
        bob.timeline().arm();

        long killedAt = System.currentTimeMillis();
        long killed = System.nanoTime();
        cluster.island("fs-01").kill();
        SoftphonePage.awaitTrue(
                "both on the spare",
                () -> "spare-1".equals(alice.island())
                        && "ready".equals(alice.state())
                        && "spare-1".equals(bob.island())
                        && "ready".equals(bob.state()),
                Duration.ofSeconds(20));
        long polled = (System.nanoTime() - killed) / 1_000_000;
        long ready = Math.max(readyOnSpare(alice, killedAt), readyOnSpare(bob, killedAt)) - killedAt;
        System.out.println(
                "island failover: both ready on the spare after " + ready + " ms (seen by the test's polling after "
                        + polled + " ms)\n  alice: " + GatewayFailoverIT.phases(alice, killedAt) + "\n  bob: "
                        + GatewayFailoverIT.phases(bob, killedAt));
        alice.dial("1011");
        bob.answer();
        alice.awaitCallState("active");
        bob.awaitCallState("active");
        alice.awaitMediaFlowing(Duration.ofSeconds(10));
        bob.awaitMediaFlowing(Duration.ofSeconds(10));
        long elapsed = (System.nanoTime() - killed) / 1_000_000;
        alice.awaitAudio();
        bob.awaitAudio();
        alice.hangup();
        bob.awaitNoCall();

        cluster.restartIsland("fs-01");
        SoftphonePage carol = test.page(0);
        SoftphonePage.awaitTrue(
                "fs-01 home again",
                () -> {
                    carol.login("1012@" + DOMAIN, PASSWORD);
                    carol.awaitReady();
                    if ("fs-01".equals(carol.island())) {
                        return true;
                    }
                    carol.reload();
                    return false;
                },
                Duration.ofSeconds(30));
        assertThat(alice.island()).as("a session on the spare stays there").isEqualTo("spare-1");
        return new long[] {ready, elapsed};
    }

    /** When the page's session became ready on the spare after the kill (sampled in the page every 10 ms). */
    static long readyOnSpare(SoftphonePage page, long killedAt) {
        long[] at = {-1};
        Await.until("the page's timeline to show the session ready on the spare", Duration.ofSeconds(10), () -> {
            at[0] = page.timeline().since(killedAt).stream()
                    .filter(e -> e.what().equals("state ready spare-1"))
                    .mapToLong(PageTimeline.Event::epochMs)
                    .findFirst()
                    .orElse(-1);
            return at[0] >= 0;
        });
        return at[0];
    }
}
