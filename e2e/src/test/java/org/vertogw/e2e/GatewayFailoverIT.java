package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vertogw.e2e.page.SoftphonePage;
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
     * One failover; returns how long media was interrupted: from the kill until packets grow again on both sides
     * (alice on a new peer connection through the other gateway, bob on his own).
     */
    static long run(ClusterTestBase test) throws Exception {
        SoftphonePage alice = test.page(0).login("1000@a.example", PASSWORD);
        SoftphonePage bob = test.page(0).login("1001@a.example", PASSWORD);
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

        long killed = System.nanoTime();
        gw.kill();
        alice.awaitMediaFlowingAfterRecovery(Duration.ofSeconds(15));
        if (bobToo) {
            bob.awaitMediaFlowingAfterRecovery(Duration.ofSeconds(15));
        } else {
            bob.awaitMediaFlowing(Duration.ofSeconds(15));
        }
        long interrupted = (System.nanoTime() - killed) / 1_000_000;
        System.out.println(
                "gateway failover: killed " + carrying + " (bob there too: " + bobToo + "), media back after "
                        + interrupted + " ms; alice: " + alice.diagnostics() + "; bob: " + bob.diagnostics());

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
}
