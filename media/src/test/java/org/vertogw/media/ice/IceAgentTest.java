package org.vertogw.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FreeSWITCH-style agent against itself: checks every second, nomination, role conflicts, consent loss. */
class IceAgentTest {

    private static final long S = 1_000_000_000L;
    private final InetSocketAddress addrA = new InetSocketAddress("127.0.0.1", 20000);
    private final InetSocketAddress addrB = new InetSocketAddress("127.0.0.1", 20002);
    private final IceCredentials credA = IceCredentials.random();
    private final IceCredentials credB = IceCredentials.random();
    private final RecordingOutput outA = new RecordingOutput();
    private final RecordingOutput outB = new RecordingOutput();

    /** Delivers everything each side sent (from its own address) to the other, until quiet. */
    private void exchange(IceAgent a, IceAgent b, long now, boolean deliverToB, boolean deliverToA) throws Exception {
        int ia = 0;
        int ib = 0;
        while (ia < outA.sent.size() || ib < outB.sent.size()) {
            List<RecordingOutput.Sent> fromA = new ArrayList<>(outA.sent.subList(ia, outA.sent.size()));
            List<RecordingOutput.Sent> fromB = new ArrayList<>(outB.sent.subList(ib, outB.sent.size()));
            ia = outA.sent.size();
            ib = outB.sent.size();
            for (RecordingOutput.Sent s : fromA) {
                if (deliverToB) {
                    b.handle(s.message(), addrA, now);
                }
            }
            for (RecordingOutput.Sent s : fromB) {
                if (deliverToA) {
                    a.handle(s.message(), addrB, now);
                }
            }
        }
    }

    private IceAgent[] pair(boolean aControlling, boolean bControlling) {
        IceAgent a = new IceAgent(credA, aControlling, true, IceTimers.DEFAULT, outA, 0);
        IceAgent b = new IceAgent(credB, bControlling, true, IceTimers.DEFAULT, outB, 0);
        a.setRemote(credB, addrB);
        b.setRemote(credA, addrA);
        return new IceAgent[] {a, b};
    }

    @Test
    void bothSidesConnectAndSelectEachOther() throws Exception {
        IceAgent[] p = pair(true, false);
        p[0].tick(0);
        p[1].tick(0);
        exchange(p[0], p[1], 0, true, true);
        assertThat(p[0].state()).isEqualTo(IceState.CONNECTED);
        assertThat(p[1].state()).isEqualTo(IceState.CONNECTED);
        assertThat(p[0].selected()).isEqualTo(addrB);
        assertThat(p[1].selected()).isEqualTo(addrA);
        assertThat(outA.sent.get(0).message().useCandidate()).isTrue();
        assertThat(outA.sent.get(0).message().username()).isEqualTo(credB.ufrag() + ":" + credA.ufrag());
    }

    @Test
    void checksRepeatEverySecondForTheWholeCall() throws Exception {
        IceAgent[] p = pair(true, false);
        for (long t = 0; t <= 5 * S; t += S / 4) {
            p[0].tick(t);
        }
        long requests =
                outA.sent.stream().filter(s -> s.message().isBindingRequest()).count();
        assertThat(requests).isEqualTo(6);
    }

    @Test
    void anIslandLegThatIsControlledOnlyAnswers() throws Exception {
        IceAgent leg = new IceAgent(credA, false, false, IceTimers.DEFAULT, outA, 0);
        leg.setRemote(credB, addrB);
        for (long t = 0; t <= 3 * S; t += S) {
            leg.tick(t);
        }
        assertThat(outA.sent).isEmpty();
    }

    @Test
    void twoControllingAgentsResolveTheConflictAndOneSwaps() throws Exception {
        IceAgent[] p = pair(true, true);
        for (long t = 0; t <= 3 * S; t += S) {
            p[0].tick(t);
            p[1].tick(t);
            exchange(p[0], p[1], t, true, true);
        }
        assertThat(p[0].isControlling()).isNotEqualTo(p[1].isControlling());
        assertThat(p[0].roleSwaps() + p[1].roleSwaps()).isGreaterThanOrEqualTo(1);
        assertThat(p[0].state()).isEqualTo(IceState.CONNECTED);
        assertThat(p[1].state()).isEqualTo(IceState.CONNECTED);
    }

    @Test
    void aPeerThatStopsAnsweringTakesTheLegDownThenFails() throws Exception {
        IceAgent[] p = pair(true, false);
        p[0].tick(0);
        exchange(p[0], p[1], 0, true, true);
        assertThat(p[0].state()).isEqualTo(IceState.CONNECTED);
        for (long t = S; t <= 31 * S; t += S) {
            p[0].tick(t);
            exchange(p[0], p[1], t, false, false);
            if (t == 11 * S) {
                assertThat(p[0].state()).isEqualTo(IceState.DISCONNECTED);
            }
        }
        assertThat(p[0].state()).isEqualTo(IceState.FAILED);
    }

    @Test
    void responsesWithoutAMatchingTransactionOrIntegrityAreIgnored() throws Exception {
        IceAgent[] p = pair(true, false);
        p[0].tick(0);
        p[1].handle(outA.sent.get(0).message(), addrA, 0);
        RecordingOutput.Sent response = outB.last();
        IceAgent stranger =
                new IceAgent(IceCredentials.random(), true, true, IceTimers.DEFAULT, new RecordingOutput(), 0);
        stranger.setRemote(credB, addrB);
        assertThat(stranger.handle(response.message(), addrB, 0)).isEqualTo(IceDiscard.UNMATCHED_RESPONSE);
        assertThat(p[0].handle(response.message(), addrB, 0)).isEqualTo(IceDiscard.NONE);
        assertThat(p[0].handle(response.message(), addrB, 0)).isEqualTo(IceDiscard.UNMATCHED_RESPONSE);
    }
}
