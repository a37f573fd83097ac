package org.vertogw.media.ice;

import java.net.InetSocketAddress;
import java.util.List;
import org.vertogw.media.stun.MessageIntegrity;
import org.vertogw.media.stun.StunMessage;
import org.vertogw.media.stun.StunMessageWriter;

/**
 * Validates and answers incoming Binding requests the way both agents must (RFC 8445 §7.3, RFC 8489 §9.1.3):
 * USERNAME is {@code <our ufrag>:<their ufrag>}, MESSAGE-INTEGRITY is keyed with our password, and the answer
 * carries XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT.
 */
final class BindingResponder {

    private BindingResponder() {
    }

    /** NONE when the request is ours and authentic; otherwise why to drop it silently. */
    static IceDiscard validate(StunMessage m, IceCredentials local, MessageIntegrity.Key localKey, IceCredentials remote) {
        if (!m.isBindingRequest()) {
            return IceDiscard.NOT_A_BINDING_REQUEST;
        }
        String user = m.username();
        int colon = user == null ? -1 : user.indexOf(':');
        if (colon != local.ufrag().length() || !user.startsWith(local.ufrag())
                || (remote != null && !(user.length() == colon + 1 + remote.ufrag().length()
                        && user.startsWith(remote.ufrag(), colon + 1)))) {
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

    static byte[] success(StunMessage request, InetSocketAddress from, MessageIntegrity.Key localKey) {
        return StunMessageWriter.successResponse(request).xorMappedAddress(from)
                .messageIntegrity(localKey).fingerprint().toBytes();
    }

    static byte[] error(StunMessage request, int code, String reason, MessageIntegrity.Key localKey) {
        return StunMessageWriter.errorResponse(request, code, reason)
                .messageIntegrity(localKey).fingerprint().toBytes();
    }

    /** 420 Unknown Attribute listing the comprehension-required attributes we do not know (RFC 8489 §6.3.1.1). */
    static byte[] unknownAttributes(StunMessage request, List<Integer> unknown, MessageIntegrity.Key localKey) {
        return StunMessageWriter.errorResponse(request, 420, "Unknown Attribute").unknownAttributes(unknown)
                .messageIntegrity(localKey).fingerprint().toBytes();
    }
}
