package org.vertogw.gateway.edge;

/**
 * A browser session's state. CONNECTED: no login yet (the gateway answers -32000 itself). AUTHENTICATING: the
 * credentials are with the island. LOGGED_IN: the island accepted them and the sessid is bound. CLOSED is final.
 */
public enum ClientSessionState {
    CONNECTED,
    AUTHENTICATING,
    LOGGED_IN,
    CLOSED;

    /** The moves a session may make; anything else is a bug and is refused. */
    boolean canMoveTo(ClientSessionState next) {
        return switch (this) {
            case CONNECTED -> next == AUTHENTICATING || next == CLOSED;
            case AUTHENTICATING -> next == CONNECTED || next == LOGGED_IN || next == CLOSED;
            case LOGGED_IN -> next == AUTHENTICATING || next == CLOSED;
            case CLOSED -> false;
        };
    }
}
