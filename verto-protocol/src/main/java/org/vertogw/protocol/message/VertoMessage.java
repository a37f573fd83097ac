package org.vertogw.protocol.message;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The params of one Verto method, typed. Every record wraps the raw params object and reads its members on demand,
 * so what no record models passes through a decode and encode unchanged; the {@code with...} methods return a
 * modified copy and never touch the original.
 */
public sealed interface VertoMessage
        permits Login,
                Invite,
                Answer,
                Media,
                Bye,
                Modify,
                Info,
                Attach,
                Punt,
                ClientReady,
                Display,
                Ping,
                Event,
                Subscribe,
                Unsubscribe,
                Broadcast,
                Echo,
                Prompt,
                MediaParams,
                Announce {

    /** The raw params object. */
    ObjectNode params();

    /** The wire method. */
    default VertoMethod method() {
        return VertoMethod.of(this);
    }
}
