package org.vertogw.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.vertogw.media.stun.MessageIntegrity;
import org.vertogw.media.stun.StunClass;
import org.vertogw.media.stun.StunMessage;
import org.vertogw.media.stun.StunMessageType;
import org.vertogw.media.stun.StunMessageWriter;

/** RFC 8445 §2.5 ICE-lite: answering, nomination, address moves, consent (RFC 7675). */
class IceLiteAgentTest {

    private static final long S = 1_000_000_000L;
    private final IceCredentials ours = new IceCredentials("gwUf", "gatewaypassword0123456789");
    private final IceCredentials browser = new IceCredentials("brUf", "browserpassword0123456789");
    private final InetSocketAddress a = new InetSocketAddress("127.0.0.1", 50000);
    private final InetSocketAddress b = new InetSocketAddress("127.0.0.1", 50002);
    private final RecordingOutput out = new RecordingOutput();
    private final IceLiteAgent agent = new IceLiteAgent(ours, IceTimers.DEFAULT, out, 0);

    {
        agent.setRemoteCredentials(browser);
    }

    private StunMessage check(String username, String password, boolean useCandidate) throws Exception {
        StunMessageWriter w = StunMessageWriter.request(StunMessageType.BINDING)
                .username(username)
                .priority(1)
                .iceControlling(5);
        if (useCandidate) {
            w.useCandidate();
        }
        byte[] bytes = w.messageIntegrity(MessageIntegrity.shortTermKey(password))
                .fingerprint()
                .toBytes();
        return StunMessage.decode(bytes, 0, bytes.length);
    }

    private StunMessage valid(boolean useCandidate) throws Exception {
        return check("gwUf:brUf", ours.password(), useCandidate);
    }

    @Test
    void anAuthenticCheckIsAnsweredWithItsMappedAddressAndIntegrity() throws Exception {
        StunMessage req = valid(false);
        assertThat(agent.handle(req, a, S)).isEqualTo(IceDiscard.NONE);
        StunMessage resp = out.last().message();
        assertThat(out.last().to()).isEqualTo(a);
        assertThat(resp.stunClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(resp.hasTransactionId(req.transactionId())).isTrue();
        assertThat(resp.xorMappedAddress()).isEqualTo(a);
        assertThat(resp.verifyMessageIntegrity(MessageIntegrity.shortTermKey(ours.password())))
                .isTrue();
        assertThat(resp.hasFingerprint()).isTrue();
        assertThat(agent.state()).isEqualTo(IceState.CHECKING);
        assertThat(agent.selected()).isNull();
    }

    @Test
    void useCandidateSelectsThePairAndConnects() throws Exception {
        agent.handle(valid(true), a, S);
        assertThat(agent.selected()).isEqualTo(a);
        assertThat(out.selections).containsExactly(a);
        assertThat(agent.state()).isEqualTo(IceState.CONNECTED);
    }

    @Test
    void aBadIntegrityOrUnknownUsernameIsDroppedUnanswered() throws Exception {
        assertThat(agent.handle(check("gwUf:brUf", "not-the-password-at-all", true), a, S))
                .isEqualTo(IceDiscard.BAD_MESSAGE_INTEGRITY);
        assertThat(agent.handle(check("zzzz:brUf", ours.password(), true), a, S))
                .isEqualTo(IceDiscard.UNKNOWN_USERNAME);
        assertThat(agent.handle(check("gwUf:xxxx", ours.password(), true), a, S))
                .isEqualTo(IceDiscard.UNKNOWN_USERNAME);
        byte[] noMi = StunMessageWriter.request(StunMessageType.BINDING)
                .username("gwUf:brUf")
                .toBytes();
        assertThat(agent.handle(StunMessage.decode(noMi, 0, noMi.length), a, S))
                .isEqualTo(IceDiscard.NO_MESSAGE_INTEGRITY);
        assertThat(out.sent).isEmpty();
        assertThat(agent.selected()).isNull();
    }

    @Test
    void thePeerAddressMovesOnlyThroughAValidNominatingCheck() throws Exception {
        agent.handle(valid(true), a, S);
        agent.handle(check("gwUf:brUf", "forged-password-forged-pw", true), b, 2 * S);
        assertThat(agent.selected()).isEqualTo(a);
        agent.handle(valid(false), b, 3 * S);
        assertThat(agent.selected()).isEqualTo(a);
        agent.handle(valid(true), b, 4 * S);
        assertThat(agent.selected()).isEqualTo(b);
        assertThat(out.selections).containsExactly(a, b);
    }

    @Test
    void aSilentPeerGoesDisconnectedThenFailed() throws Exception {
        agent.handle(valid(true), a, S);
        agent.tick(9 * S);
        assertThat(agent.state()).isEqualTo(IceState.CONNECTED);
        agent.tick(12 * S);
        assertThat(agent.state()).isEqualTo(IceState.DISCONNECTED);
        agent.handle(valid(false), a, 13 * S);
        assertThat(agent.state()).isEqualTo(IceState.CONNECTED);
        agent.tick(25 * S);
        assertThat(agent.state()).isEqualTo(IceState.DISCONNECTED);
        agent.tick(44 * S);
        assertThat(agent.state()).isEqualTo(IceState.FAILED);
        assertThat(agent.handle(valid(true), a, 45 * S)).isEqualTo(IceDiscard.CLOSED);
        assertThat(out.states)
                .containsExactly(
                        IceState.CONNECTED,
                        IceState.DISCONNECTED,
                        IceState.CONNECTED,
                        IceState.DISCONNECTED,
                        IceState.FAILED);
    }

    @Test
    void aPeerThatNeverNominatesFailsAfterTheConsentTimeout() throws Exception {
        agent.handle(valid(false), a, S);
        agent.tick(31 * S);
        assertThat(agent.state()).isEqualTo(IceState.FAILED);
    }

    @Test
    void unknownComprehensionRequiredAttributesGet420() throws Exception {
        byte[] bytes = StunMessageWriter.request(StunMessageType.BINDING)
                .username("gwUf:brUf")
                .attribute(0x0031, new byte[4])
                .messageIntegrity(MessageIntegrity.shortTermKey(ours.password()))
                .toBytes();
        agent.handle(StunMessage.decode(bytes, 0, bytes.length), a, S);
        assertThat(out.last().message().errorCode()).isEqualTo(420);
    }
}
