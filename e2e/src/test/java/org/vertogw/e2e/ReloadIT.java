package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vertogw.e2e.page.SoftphonePage;

/** Scenario 5: reloading the page during a call; the tab keeps its sessid, the island re-attaches the call. */
class ReloadIT extends ClusterTestBase {

    @Test
    void aCallIsReattachedAfterThePageIsReloaded() throws Exception {
        SoftphonePage alice = page(0).login("1003@a.example", PASSWORD);
        SoftphonePage bob = page(1).login("1004@a.example", PASSWORD);
        alice.awaitReady();
        bob.awaitReady();
        alice.dial("1004");
        bob.answer();
        alice.awaitCallState("active");
        alice.awaitAudio();
        String sessid = alice.sessid();

        alice.reload().login("1003@a.example", PASSWORD);
        alice.awaitReady();
        assertThat(alice.sessid()).as("the tab keeps its session").isEqualTo(sessid);
        try {
            alice.awaitMediaFlowingAfterRecovery(Duration.ofSeconds(15));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; bob: " + bob.diagnostics(), e);
        }
        bob.awaitMediaFlowing(Duration.ofSeconds(10));
        alice.awaitAudio();
        assertThat(bob.callState()).isEqualTo("active");
        bob.hangup();
        alice.awaitNoCall();
    }
}
