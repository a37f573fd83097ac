package org.vertogw.media.ice;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.vertogw.media.stun.MessageIntegrity;
import org.vertogw.media.stun.StunClass;
import org.vertogw.media.stun.StunMessage;
import org.vertogw.media.stun.StunMessageWriter;

/**
 * Validates and answers incoming Binding requests the way both agents must (RFC 8445 §7.3, RFC 8489 §9.1.3):
 * USERNAME is {@code <our ufrag>:<their ufrag>}, MESSAGE-INTEGRITY is keyed with our password, and the answer
 * carries XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT. One per agent: it holds the agent's key, ufrags
 * and reused writer, so a check costs no allocation.
 */
final class BindingResponder {

    private final byte[] localUfrag;
    private final MessageIntegrity.Key localKey;
    private final StunMessageWriter writer = new StunMessageWriter();
    private byte[] remoteUfrag;

    BindingResponder(IceCredentials local) {
        this.localUfrag = ufrag(local);
        this.localKey = MessageIntegrity.Key.of(local.password());
    }

    private static byte[] ufrag(IceCredentials c) {
        return c.ufrag().getBytes(StandardCharsets.UTF_8);
    }

    byte[] localUfrag() {
        return localUfrag;
    }

    /** The peer's ufrag, or null until known. */
    byte[] remoteUfrag() {
        return remoteUfrag;
    }

    /** Once known, checks must name the peer's ufrag after the colon. */
    void setRemote(IceCredentials remote) {
        this.remoteUfrag = remote == null ? null : ufrag(remote);
    }

    /** NONE when the request is ours and authentic; otherwise why to drop it silently. */
    IceDiscard validate(StunMessage m) {
        if (!m.isBindingRequest()) {
            return IceDiscard.NOT_A_BINDING_REQUEST;
        }
        if (!m.usernameIs(localUfrag, remoteUfrag)) {
            return IceDiscard.UNKNOWN_USERNAME;
        }
        if (!m.hasMessageIntegrity()) {
            return IceDiscard.NO_MESSAGE_INTEGRITY;
        }
        if (!m.verifyMessageIntegrity(localKey)) {
            return IceDiscard.BAD_MESSAGE_INTEGRITY;
        }
        return IceDiscard.NONE;
    }

    /**
     * Answers 420 listing the comprehension-required attributes we do not know (RFC 8489 §6.3.1.1) and returns
     * true, when the request carries any; such a request has no other effect.
     */
    boolean refuseUnknown(StunMessage request, InetSocketAddress from, IceOutput out) {
        if (!request.hasUnknownComprehensionRequired()) {
            return false;
        }
        writer.startResponse(request, StunClass.ERROR_RESPONSE)
                .errorCode(420, "Unknown Attribute")
                .unknownAttributes(request.unknownComprehensionRequired());
        send(from, out);
        return true;
    }

    /** The success response, telling the peer the address its request came from. */
    void success(StunMessage request, InetSocketAddress from, IceOutput out) {
        writer.startResponse(request, StunClass.SUCCESS_RESPONSE).xorMappedAddress(from);
        send(from, out);
    }

    void error(StunMessage request, int code, String reason, InetSocketAddress to, IceOutput out) {
        writer.startResponse(request, StunClass.ERROR_RESPONSE).errorCode(code, reason);
        send(to, out);
    }

    private void send(InetSocketAddress to, IceOutput out) {
        int n = writer.messageIntegrity(localKey).fingerprint().finish();
        out.send(writer.array(), 0, n, to);
    }
}
