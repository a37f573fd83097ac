package org.vertogw.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertogw.e2e.page.SoftphonePage;

/** Scenarios 1 and 2: a call between two browsers, and the echo test, through the demo page. */
class CallIT extends ClusterTestBase {

    @Test
    void twoBrowsersCallEachOtherWithAudioBothWaysAndEitherSideHangsUp() throws Exception {
        SoftphonePage alice = page(0).login("1000@a.example", PASSWORD);
        SoftphonePage bob = page(0).login("1001@a.example", PASSWORD);
        assertThat(alice.awaitReady()).isEqualTo(bob.awaitReady());

        for (int round = 0; round < 2; round++) {
            alice.dial("1001");
            bob.answer();
            alice.awaitCallState("active");
            bob.awaitCallState("active");
            long a1 = alice.packetsReceived();
            long b1 = bob.packetsReceived();
            alice.awaitAudio();
            bob.awaitAudio();
            assertThat(alice.packetsReceived()).as("alice's inbound-rtp grows").isGreaterThan(a1);
            assertThat(bob.packetsReceived()).as("bob's inbound-rtp grows").isGreaterThan(b1);
            (round == 0 ? alice : bob).hangup();
            alice.awaitNoCall();
            bob.awaitNoCall();
            assertThat(alice.state()).isEqualTo("ready");
            assertThat(bob.state()).isEqualTo("ready");
        }
    }

    @Test
    void aBrowserCallsTheEchoTestAndGetsItsOwnAudioBack() throws Exception {
        SoftphonePage me = page(1).login("1002@c.example", PASSWORD);
        me.awaitReady();
        me.dial("9196");
        me.awaitCallState("active");
        me.awaitAudio();
        me.browser().screenshot(out("softphone-echo-call.png"));
        me.hangup();
        me.awaitNoCall();
    }
}
