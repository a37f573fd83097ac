package org.vertogw.media.ice;

/** Why an agent dropped a STUN message without answering; counted by the leg, never logged one by one. */
public enum IceDiscard {
    NONE,
    NOT_A_BINDING_REQUEST,
    UNKNOWN_USERNAME,
    BAD_MESSAGE_INTEGRITY,
    NO_MESSAGE_INTEGRITY,
    UNMATCHED_RESPONSE,
    CLOSED
}
