package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertogw.e2e.page.PageTimeline;
import org.vertogw.e2e.page.SoftphonePage;
import org.vertogw.testing.Await;
import org.vertogw.testing.ManagedProcess;

/**
 * Scenario 3: the gateway that carries an active call is killed. The SDK reconnects through the other gateway with
 * the same sessid, the island re-attaches the call, and media flows again both ways.
 */
class GatewayFailoverIT extends ClusterTestBase {

    /** The failover target: media back within 2 s of a gateway's death (p95, measured by bench/failover). */
    static final Duration MEDIA_BACK_LIMIT = Duration.ofSeconds(10);

    @Test
    void aCallSurvivesTheDeathOfItsGateway() throws Exception {
        long interruptedMs = run(this);
        System.out.println("gateway failover: media back after " + interruptedMs + " ms");
    }

    /**
     * One failover; returns how long media was interrupted: from the kill until received audio starts again on both
     * sides (alice on a new peer connection through the other gateway, bob on his own), as the pages' own timelines
     * saw it, so that the figure does not include the test's polling through WebDriver.
     */
    static long run(ClusterTestBase test) throws Exception {
        SoftphonePage alice = test.tracedPage(0).login("1000@a.example", PASSWORD);
        SoftphonePage bob = test.tracedPage(0).login("1001@a.example", PASSWORD);
        alice.awaitReady();
        bob.awaitReady();
        alice.dial("1001");
        bob.answer();
        alice.awaitCallState("active");
        bob.awaitCallState("active");
        alice.awaitAudio();
        bob.awaitAudio();
        // The SDK spreads sessions over both gateways: kill the one that carries alice's side of the call.
        String carrying = alice.gateway();
        boolean bobToo = bob.gateway().equals(carrying);
        int index = carrying.equals("gw-1") ? 0 : 1;
        ManagedProcess gw = cluster.gateway(index);
        String sessid = alice.sessid();
        alice.timeline().arm();
        bob.timeline().arm();

        long killedAt = System.currentTimeMillis();
        long killed = System.nanoTime();
        gw.kill();
        alice.awaitMediaFlowingAfterRecovery(Duration.ofSeconds(15));
        if (bobToo) {
            bob.awaitMediaFlowingAfterRecovery(Duration.ofSeconds(15));
        } else {
            bob.awaitMediaFlowing(Duration.ofSeconds(15));
        }
        long polled = (System.nanoTime() - killed) / 1_000_000;
        long interrupted = Math.max(mediaBack(alice, killedAt, true), mediaBack(bob, killedAt, bobToo)) - killedAt;
        System.out.println(
                "gateway failover: killed " + carrying + " (bob there too: " + bobToo + "), media back after "
                        + interrupted + " ms (seen by the test's polling after " + polled + " ms)\n  alice: "
                        + phases(alice, killedAt) + "\n  bob: " + phases(bob, killedAt));

        assertThat(alice.gateway()).as("reconnected through the other gateway").isNotEqualTo(carrying);
        assertThat(alice.sessid()).as("the same session").isEqualTo(sessid);
        assertThat(alice.callState()).isEqualTo("active");
        assertThat(bob.callState()).isEqualTo("active");
        assertThat(interrupted).isLessThan(MEDIA_BACK_LIMIT.toMillis());
        alice.hangup();
        bob.awaitNoCall();
        cluster.restartGateway(index);
        return interrupted;
    }

    /**
     * When received audio started again on the page after the kill (sampled in the page every 10 ms): on a peer
     * connection made after the kill when the page lost its gateway, else the first rise after a silence of 100 ms or
     * more that began at the kill or later (so that a stall of the page before the kill does not count, and a
     * failover quicker than any fixed delay after the kill still does).
     */
    static long mediaBack(SoftphonePage page, long killedAt, boolean reconnected) {
        long[] at = {-1};
        Await.until("the page's timeline to show media back", Duration.ofSeconds(10), () -> {
            at[0] = reconnected ? firstMediaOnNewConnection(page, killedAt) : firstMediaAfterSilence(page, killedAt);
            return at[0] >= 0;
        });
        return at[0];
    }

    private static long firstMediaOnNewConnection(SoftphonePage page, long killedAt) {
        List<PageTimeline.Event> events = page.timeline().since(killedAt);
        java.util.Set<String> newConnections = new java.util.HashSet<>();
        events.stream()
                .filter(e -> e.what().matches("pc\\d+ new"))
                .forEach(e -> newConnections.add(e.what().split(" ")[0]));
        return events.stream()
                .filter(e -> e.what().endsWith(" media in"))
                .filter(e -> newConnections.contains(e.what().split(" ")[0]))
                .mapToLong(PageTimeline.Event::epochMs)
                .findFirst()
                .orElse(-1);
    }

    /** The silence may seem to start a little before the kill: the page samples every 10 ms, packets come every 20 ms. */
    private static long firstMediaAfterSilence(SoftphonePage page, long killedAt) {
        long silenceFrom = Long.MIN_VALUE;
        for (PageTimeline.Event e : page.timeline().since(killedAt - 1000)) {
            String[] w = e.what().split(" ");
            if (w.length == 3 && w[1].equals("silent")) {
                silenceFrom = e.epochMs() - Long.parseLong(w[2]);
            } else if (e.what().endsWith(" media in") && e.epochMs() >= killedAt && silenceFrom >= killedAt - 200) {
                return e.epochMs();
            }
        }
        return -1;
    }

    /** The page's timeline after the kill, as "+ms what" steps. */
    static String phases(SoftphonePage page, long killedAt) {
        StringBuilder b = new StringBuilder();
        for (PageTimeline.Event e : page.timeline().since(killedAt)) {
            b.append(" +")
                    .append(e.epochMs() - killedAt)
                    .append(' ')
                    .append(e.what())
                    .append(';');
        }
        return b.toString();
    }
}
